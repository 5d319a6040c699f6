import { sendNotification } from "@caseward/core";
import type { JobPayload } from "@caseward/core/jobs";
import type { Job } from "bullmq";
import { DelayedError } from "bullmq";

import type { JobContext } from "../context";

/**
 * A notification's own job (a retry, quiet hours over, a held email released, the reconciler):
 * sends it as a batch of one. A failed send throws, so the queue retries it with its backoff.
 */
export async function sendNotificationJob(
  ctx: JobContext,
  payload: JobPayload<"send-notification">,
  job: Job,
  token?: string,
) {
  let outcome;
  try {
    outcome = await sendNotification(ctx.db, ctx.mailer, payload.notificationId, {
      baseUrl: ctx.baseUrl,
    });
  } catch (error) {
    ctx.metrics?.failed(1);
    throw error;
  }
  if (outcome === "sent") ctx.metrics?.sent(1);
  if (outcome === "wait") {
    // Deferred (quiet hours) or held by another worker's lease: try again a little later.
    await job.moveToDelayed(Date.now() + 5_000, token);
    throw new DelayedError();
  }
  return { outcome };
}
