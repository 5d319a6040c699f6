// Job ids of the rows the reconciler heals (issue 16): the first job of a notification or a
// timer's deadline has a fixed id, so queueing it twice adds it once; queued again (a retry, a
// held email released, the reconciler finding it jobless) it takes a fresh `-<again>` suffix, as
// a finished job keeps its id until it expires and BullMQ adds no job under an id it holds.

const notificationJob = /^notification-([0-9a-f-]{36})(?:-[a-z0-9]+)?$/;
const timerJob = /^timer-([0-9a-f-]{36})-(\d+)(?:-[a-z0-9]+)?$/;
const inboundJob = /^inbound-([0-9a-f-]{36})(?:-[a-z0-9]+)?$/;

export const notificationJobId = (id: string, again?: string) =>
  again ? `notification-${id}-${again}` : `notification-${id}`;

/** The notification a job id is for, whichever of its ids it is; undefined for other jobs. */
export const notificationOfJob = (jobId: string) => notificationJob.exec(jobId)?.[1];

/** A timer's job for one due time: a moved deadline gets another id (its due time is in it). */
export const timerJobId = (id: string, dueAt: Date, again?: string) =>
  again ? `timer-${id}-${dueAt.getTime()}-${again}` : `timer-${id}-${dueAt.getTime()}`;

/** The timer a job id is for, and the due time it was queued for; undefined for other jobs. */
export function timerOfJob(jobId: string) {
  const match = timerJob.exec(jobId);
  return match ? { timerId: match[1]!, dueAt: Number(match[2]) } : undefined;
}

/** A suffix for jobs queued again now: `r` and the time in base 36. */
export const againSuffix = (now = Date.now()) => `r${now.toString(36)}`;

/**
 * The filing job of a received email: `inbound-<id>` the first time, so the receiver and a
 * second delivery add one job; with `again` (the reconciler filing one still waiting, its
 * first job failed, finished or lost) `inbound-<id>-<again>`, as a failed job keeps its id
 * for a week and BullMQ adds nothing under it. Filing locks the row: two jobs file it once.
 */
export const inboundJobId = (inboundMessageId: string, again?: string) =>
  again ? `inbound-${inboundMessageId}-${again}` : `inbound-${inboundMessageId}`;

/**
 * The job filing a batch of received emails (the receiver's), named after its first email.
 * `inboundOfJob` knows none of its emails: the reconciler queues again, one by one, any of
 * them still unfiled after its grace; deleting an account finds it by its payload.
 */
export const inboundBatchJobId = (firstInboundMessageId: string) =>
  `inbound-batch-${firstInboundMessageId}`;

/** The received email a job id is for, whichever of its ids it is; undefined for other jobs. */
export const inboundOfJob = (jobId: string) => inboundJob.exec(jobId)?.[1];
