import type { JobName, JobPayload } from "@caseward/core/jobs";
import { parseJobPayload } from "@caseward/core/jobs";
import type { Job } from "bullmq";

import type { JobContext } from "../context";
import { fileInboundBatchJob, fileInboundJob } from "./file-inbound";
import { fireTimerJob } from "./fire-timer";
import { reconcileJob } from "./reconcile";
import { sendNotificationJob } from "./send-notification";
import { sendWelcomeEmail } from "./welcome-email";

/** The handler of the job `N`: it gets that job's parsed payload. */
export type Handler<N extends JobName> = (
  ctx: JobContext,
  payload: JobPayload<N>,
  job: Job,
  token?: string,
) => Promise<unknown>;

/**
 * One handler per job name, each checked against its own job's payload (a handler under the
 * wrong name does not compile); the queue a job runs on comes from its definition in core.
 */
export const handlers: { [N in JobName]: Handler<N> } = {
  "welcome-email": sendWelcomeEmail,
  "send-notification": sendNotificationJob,
  "fire-timer": fireTimerJob,
  "file-inbound": fileInboundJob,
  "file-inbound-batch": fileInboundBatchJob,
  reconcile: reconcileJob,
};

/** Runs a job: its payload parsed at the edge, then its handler, both typed by its name. */
export function runJob<N extends JobName>(name: N, ctx: JobContext, job: Job, token?: string) {
  return handlers[name](ctx, parseJobPayload(name, job.data), job, token);
}
