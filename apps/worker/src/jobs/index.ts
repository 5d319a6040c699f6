import type { JobName } from "@caseward/core/jobs";
import type { Job } from "bullmq";

import type { JobContext } from "../context";
import { fireTimerJob } from "./fire-timer";
import { reconcileJob } from "./reconcile";
import { sendNotificationJob } from "./send-notification";
import { sendWelcomeEmail } from "./welcome-email";

export type Handler = (
  ctx: JobContext,
  payload: never,
  job: Job,
  token?: string,
) => Promise<unknown>;

/** One handler per job name; the queue a job runs on comes from its definition in core. */
export const handlers: Record<JobName, Handler> = {
  "welcome-email": sendWelcomeEmail,
  "send-notification": sendNotificationJob,
  "fire-timer": fireTimerJob,
  reconcile: reconcileJob,
};
