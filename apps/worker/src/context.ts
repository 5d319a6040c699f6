import type { Enqueue, QueueName } from "@caseward/core/jobs";
import type { Mailer } from "@caseward/core/mail";
import type { Database } from "@caseward/db";
import type { Logger } from "pino";

import type { FiredTimerJobs } from "./fired-timer-jobs";
import type { FiredTimers } from "./fired-timers";
import type { WorkerMetrics } from "./metrics";

/** What every job handler gets: database, mailer, producer and logger, nothing global. */
export interface JobContext {
  db: Database;
  mailer: Mailer;
  enqueue: Enqueue;
  baseUrl: string;
  logger: Logger;
  /** INBOUND_DOMAIN: the filing job never takes Caseward's own addresses for a company's. */
  inboundDomain?: string;
  /** UPLOAD_QUOTA_MB in bytes: the files of a filed email count against it, as uploads do. */
  uploadQuotaBytes?: number;
  /** Where fired timers' emails go to be sent; without them (tests) the job sends them itself. */
  sendLanes?: SendLanes;
  /**
   * The ids of a queue's jobs still to run, for the reconciler to find the notifications that
   * have none; without it (tests of other jobs) it re-adds every job under its first id.
   */
  liveJobIds?: (queue: QueueName) => Promise<string[]>;
  /** The received emails held by live filing batches (the reconciler leaves them be). */
  liveInboundBatchMembers?: () => Promise<string[]>;
  /** Counts for /metrics; without it (tests of other things) nothing is counted. */
  metrics?: WorkerMetrics;
  /** Timers this process fired lately: their own jobs end without a query. */
  firedTimers?: FiredTimers;
  /** Removes the queued jobs of timers this process fired in a batch (./fired-timer-jobs.ts). */
  firedTimerJobs?: Pick<FiredTimerJobs, "remove">;
}

/** The process's send lanes (./send-lanes.ts) as a job uses them. */
export interface SendLanes {
  /** Sends these notifications beside the job, retrying a failed one later. */
  add(ids: string[]): void;
}
