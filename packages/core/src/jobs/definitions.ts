import { z } from "zod";

// Every background job: its queue and the schema of its payload. Payloads carry ids only,
// never personal data (PRODUCT.md): handlers re-read what they need from Postgres.

/** Tries of every job before it is failed; a notification is marked failed after the last. */
export const jobAttempts = 8;

/**
 * How long finished jobs stay, and how many at most (their ids keep a re-enqueued deadline from
 * running twice; the count keeps Redis's memory flat however long the history, issue 16).
 * Given to the workers, not stored in every job: a pending job's options stay short, and
 * Redis holds each of the many pending timers in fewer bytes.
 */
export const jobRetention = {
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
};

/**
 * Every queue's event stream (BullMQ's record of what each job did, ids and results only) is
 * trimmed to about this many entries: history again, and nothing here reads it (10,000 by
 * default). Every process opening a queue sets it, so all pass the same.
 */
export const queueStreams = { events: { maxLen: 1_000 } };

/** Emails of one `file-inbound-batch` job at most: as many as a worker slot files in ~1 s. */
export const inboundBatchMax = 10;

export const queues = { email: "email", timers: "timers", inbound: "inbound" } as const;
export type QueueName = (typeof queues)[keyof typeof queues];

const id = z.string().min(1).max(64);

export const jobDefinitions = {
  "welcome-email": { queue: queues.email, payload: z.object({ userId: id }) },
  "send-notification": { queue: queues.email, payload: z.object({ notificationId: z.uuid() }) },
  "fire-timer": { queue: queues.timers, payload: z.object({ timerId: z.uuid() }) },
  /** Files one received email (apps/inbound stored it) into a case, or holds it in the Inbox. */
  "file-inbound": { queue: queues.inbound, payload: z.object({ inboundMessageId: z.uuid() }) },
  /**
   * Files several received emails, one after the other: the receiver's batch, queued by ONE
   * job script where `file-inbound` takes one per message (issue 15's bench).
   */
  "file-inbound-batch": {
    queue: queues.inbound,
    payload: z.object({ inboundMessageIds: z.array(z.uuid()).min(1).max(inboundBatchMax) }),
  },
  /** Every minute: gives every pending timer and unsent notification a job (Redis may be new). */
  reconcile: { queue: queues.timers, payload: z.object({}) },
} as const;

export type JobName = keyof typeof jobDefinitions;
export type JobPayload<N extends JobName> = z.infer<(typeof jobDefinitions)[N]["payload"]>;

/** Whether a queued job's name is one of ours (a job from an older or newer release may not be). */
export const isJobName = (name: string): name is JobName => Object.hasOwn(jobDefinitions, name);

// The same definitions, typed per name: indexed by a generic name, each keeps its own payload.
const definitionsByName: { [N in JobName]: { payload: z.ZodType<JobPayload<N>> } } = jobDefinitions;

/** A job's payload parsed at the edge, typed by the job's name. */
export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return definitionsByName[name].payload.parse(data);
}
