import { inboundBatchMax } from "./definitions";
import { inboundBatchJobId, inboundJobId, notificationJobId, timerJobId } from "./job-ids";
import type { Enqueue, EnqueueMany } from "./producer";

// Deterministic job ids: enqueueing the same deadline twice adds one job. A moved deadline gets
// a new id (its due time is part of it); the old job finds the row moved and does nothing.

/**
 * A timer's job for its due time; with `again` (the reconciler healing a pending timer whose
 * job is gone or finished) under a fresh id, as for notifications below (issue 16).
 */
export function scheduleTimers(
  enqueue: Enqueue,
  timers: { id: string; dueAt: Date }[],
  now = Date.now(),
  again?: string,
) {
  return Promise.all(
    timers.map((timer) =>
      enqueue(
        "fire-timer",
        { timerId: timer.id },
        {
          jobId: timerJobId(timer.id, timer.dueAt, again),
          delay: Math.max(0, timer.dueAt.getTime() - now),
        },
      ),
    ),
  );
}

/**
 * A notification's job: `notification-<id>` the first time; with `again` (a retry, a held email
 * released, the reconciler healing one whose job is gone or finished) `notification-<id>-<again>`,
 * a fresh id, since a finished job's id would keep BullMQ from adding it (issue 16).
 */
export function scheduleNotifications(
  enqueue: Enqueue,
  notifications: { id: string; sendAfter: Date }[],
  now = Date.now(),
  again?: string,
) {
  return Promise.all(
    notifications.map((notification) =>
      enqueue(
        "send-notification",
        { notificationId: notification.id },
        {
          jobId: notificationJobId(notification.id, again),
          delay: Math.max(0, notification.sendAfter.getTime() - now),
        },
      ),
    ),
  );
}

/**
 * The filing job of each received email; one job per message, whoever asks and how often. With
 * `again` (the reconciler, for a message whose job is not waiting) under a fresh id.
 */
export function scheduleInboundFiling(
  enqueue: Enqueue,
  inboundMessageIds: string[],
  again?: string,
) {
  return Promise.all(
    inboundMessageIds.map((inboundMessageId) =>
      enqueue(
        "file-inbound",
        { inboundMessageId },
        { jobId: inboundJobId(inboundMessageId, again) },
      ),
    ),
  );
}

/**
 * The first filing jobs of emails just stored, in one round trip (the inbound receiver's): one
 * `file-inbound` job for an email alone, else one `file-inbound-batch` job per
 * `inboundBatchMax` of them (one job script each in Redis, not one per email, and still as many
 * jobs as the worker files at once under load).
 */
export function scheduleInboundFilingAtOnce(enqueueMany: EnqueueMany, inboundMessageIds: string[]) {
  if (inboundMessageIds.length === 1) {
    const [inboundMessageId] = inboundMessageIds as [string];
    return enqueueMany("file-inbound", [
      { payload: { inboundMessageId }, jobId: inboundJobId(inboundMessageId) },
    ]);
  }
  const batches: string[][] = [];
  for (let i = 0; i < inboundMessageIds.length; i += inboundBatchMax) {
    batches.push(inboundMessageIds.slice(i, i + inboundBatchMax));
  }
  return enqueueMany(
    "file-inbound-batch",
    batches.map((ids) => ({
      payload: { inboundMessageIds: ids },
      jobId: inboundBatchJobId(ids[0]!),
      // Its payload names emails of several users: kept no longer than it runs.
      removeOnComplete: true,
    })),
  );
}
