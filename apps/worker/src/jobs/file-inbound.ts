import { fileInboundMessage } from "@caseward/core";
import type { JobPayload } from "@caseward/core/jobs";
import { scheduleTimers } from "@caseward/core/jobs";

import type { JobContext } from "../context";

/**
 * Files one received email (apps/inbound stored it and queued this job; the reconciler queues
 * it again for any message still waiting): into its case, or into the Inbox. Filing is one
 * transaction on the message's row, so a job run twice files it once. Mail that claims to come
 * from the user is first checked with DKIM, SPF and DMARC against the system's DNS (core's
 * `checkSender`): one its domain disowns waits in the Inbox, whatever matches it.
 */
export async function fileInboundJob(ctx: JobContext, payload: JobPayload<"file-inbound">) {
  const outcome = await fileInboundMessage(ctx.db, payload.inboundMessageId, {
    schedule: (timers) => scheduleTimers(ctx.enqueue, timers).then(() => undefined),
    receivingDomain: ctx.inboundDomain,
    quotaBytes: ctx.uploadQuotaBytes,
  });
  // Ids, states and counts only: nothing of the email reaches the log. Files over the quota
  // are left out of the contact, which says so (and why) in its notes.
  return (
    outcome && {
      state: outcome.state,
      already: outcome.already,
      filesNotKept: outcome.filesNotKept,
    }
  );
}

/**
 * Files the receiver's batch of received emails (`file-inbound-batch`), one after the other,
 * each as `fileInboundJob` does. One that fails does not stop the others; the job then fails
 * and is tried again, when those already filed are found filed and skipped (filed once).
 */
export async function fileInboundBatchJob(
  ctx: JobContext,
  payload: JobPayload<"file-inbound-batch">,
) {
  const outcomes: Awaited<ReturnType<typeof fileInboundJob>>[] = [];
  let failed = 0;
  let firstError: unknown;
  for (const inboundMessageId of payload.inboundMessageIds) {
    try {
      outcomes.push(await fileInboundJob(ctx, { inboundMessageId }));
    } catch (error) {
      failed++;
      firstError ??= error;
    }
  }
  if (failed > 0) {
    throw new Error(`${failed} of ${payload.inboundMessageIds.length} emails not filed`, {
      cause: firstError,
    });
  }
  return {
    filed: outcomes.filter((outcome) => outcome && !outcome.already).length,
    already: outcomes.filter((outcome) => outcome?.already).length,
    gone: outcomes.filter((outcome) => !outcome).length,
  };
}
