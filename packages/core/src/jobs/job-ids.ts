// A notification's jobs: `notification-<id>` the first time, `notification-<id>-<again>` when
// queued again (a retry, a held email released, the reconciler): a finished job keeps its id
// until it expires, and BullMQ adds no job under an id it holds (issue 16).

const notificationJob = /^notification-([0-9a-f-]{36})(?:-[a-z0-9]+)?$/;

export const notificationJobId = (id: string, again?: string) =>
  again ? `notification-${id}-${again}` : `notification-${id}`;

/** The notification a job id is for, whichever of its ids it is; undefined for other jobs. */
export const notificationOfJob = (jobId: string) => notificationJob.exec(jobId)?.[1];

// A timer's job is `timer-<id>-<due ms>`: a moved deadline is queued under a new id.
const timerJob = /^timer-([0-9a-f-]{36})-\d+$/;

/**
 * The row a job is about, whichever of its ids it runs under (`notification:<id>`,
 * `timer:<id>`), or the job id itself for jobs that have one id only. Deleting an account
 * removes every job about its rows, finished ones too (issue 18, finding 9).
 */
export function subjectOfJob(jobId: string): string {
  const notification = notificationOfJob(jobId);
  if (notification) return `notification:${notification}`;
  const timer = timerJob.exec(jobId)?.[1];
  return timer ? `timer:${timer}` : jobId;
}
