import type { Enqueue } from "@caseward/core/jobs";
import type { Mailer } from "@caseward/core/mail";
import type { Database } from "@caseward/db";
import type { Logger } from "pino";

import type { FiredTimers } from "./fired-timers";
import type { Outbox } from "./outbox";

/** What every job handler gets: database, mailer, producer and logger, nothing global. */
export interface JobContext {
  db: Database;
  mailer: Mailer;
  enqueue: Enqueue;
  baseUrl: string;
  logger: Logger;
  /** Where fired timers' emails go to be sent; without it (tests) the job sends them itself. */
  outbox?: Outbox;
  /** Timers this process fired lately: their own jobs end without a query. */
  firedTimers?: FiredTimers;
}
