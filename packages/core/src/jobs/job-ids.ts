// A notification's jobs: `notification-<id>` the first time, `notification-<id>-<again>` when
// queued again (a retry, a held email released, the reconciler): a finished job keeps its id
// until it expires, and BullMQ adds no job under an id it holds (issue 16).

const notificationJob = /^notification-([0-9a-f-]{36})(?:-[a-z0-9]+)?$/;

export const notificationJobId = (id: string, again?: string) =>
  again ? `notification-${id}-${again}` : `notification-${id}`;

/** The notification a job id is for, whichever of its ids it is; undefined for other jobs. */
export const notificationOfJob = (jobId: string) => notificationJob.exec(jobId)?.[1];
