import type { JobsOptions, JobType } from "bullmq";
import { Queue } from "bullmq";
import type { RedisConnection } from "../redis";

import type { JobName, JobPayload, QueueName } from "./definitions";
import { jobAttempts, jobDefinitions, parseJobPayload, queues, queueStreams } from "./definitions";
import { inboundBatchJobId, inboundOfJob, notificationOfJob, timerOfJob } from "./job-ids";

export type Enqueue = <N extends JobName>(
  name: N,
  payload: JobPayload<N>,
  options?: Pick<JobsOptions, "jobId" | "delay">,
) => Promise<void>;

export type EnqueueMany = <N extends JobName>(
  name: N,
  jobs: { payload: JobPayload<N>; jobId: string; removeOnComplete?: boolean }[],
) => Promise<void>;

/** The states of a job that will still run: a queue holding it in one of them owes its work. */
const liveStates: JobType[] = ["waiting", "delayed", "active", "prioritized", "waiting-children"];
const depthStates: JobType[] = [
  "waiting",
  "delayed",
  "active",
  "prioritized",
  "failed",
  "completed",
];

const queueOfJob = (jobId: string): QueueName =>
  jobId.startsWith("timer-")
    ? queues.timers
    : jobId.startsWith("inbound-")
      ? queues.inbound
      : queues.email;

/** Deletes the entries of a queue's event stream about these jobs (it holds ~1,000 at most). */
async function forgetEvents(client: RedisConnection, queue: Queue, jobIds: Set<string>) {
  const entries = await client.xrange(queue.keys.events!, "-", "+");
  const about = entries
    .filter(([, fields]) => {
      const at = fields.indexOf("jobId");
      return at >= 0 && at % 2 === 0 && jobIds.has(fields[at + 1]!);
    })
    .map(([id]) => id);
  if (about.length > 0) await client.xdel(queue.keys.events!, ...about);
}

/** A type-checked producer: `enqueue("welcome-email", { userId })`. */
export function createJobProducer(connection: RedisConnection, prefix: string) {
  const open = new Map<QueueName, Queue>();
  const queueFor = (name: QueueName) => {
    let queue = open.get(name);
    if (!queue) {
      queue = new Queue(name, { connection, prefix, streams: queueStreams });
      // Without a listener an unreachable Redis would crash the process.
      queue.on("error", (error) => console.error(`queue ${name}: ${error.message}`));
      open.set(name, queue);
    }
    return queue;
  };

  const retries = { attempts: jobAttempts, backoff: { type: "exponential", delay: 2_000 } };

  const enqueue: Enqueue = async (name, payload, options) => {
    const data = parseJobPayload(name, payload);
    await queueFor(jobDefinitions[name].queue).add(name, data, { ...retries, ...options });
  };

  /** Many jobs of one name in one round trip (the inbound receiver's filings, batched). */
  const enqueueMany: EnqueueMany = async (name, jobs) => {
    if (jobs.length === 0) return;
    await queueFor(jobDefinitions[name].queue).addBulk(
      jobs.map((job) => ({
        name,
        data: parseJobPayload(name, job.payload),
        opts: {
          ...retries,
          jobId: job.jobId,
          ...(job.removeOnComplete ? { removeOnComplete: true } : {}),
        },
      })),
    );
  };

  /**
   * Removes jobs by their (deterministic) ids, in any state; a missing one is skipped. A
   * notification's, a timer's or a received email's job goes with every other id it was queued
   * under (a retry, the reconciler, a moved deadline),
   * and the queue's event stream forgets them all: after an account is deleted no record
   * names it (issue 16). Returns how many jobs went.
   */
  const remove = async (jobIds: string[]) => {
    let removed = 0;
    for (const name of Object.values(queues)) {
      const ids = new Set(jobIds.filter((id) => queueOfJob(id) === name));
      if (ids.size === 0) continue;
      const queue = queueFor(name);
      // The row each id is for: a notification, a timer (any of its due times), an email.
      const rowOf = (id: string) =>
        notificationOfJob(id) ?? timerOfJob(id)?.timerId ?? inboundOfJob(id);
      const rowIds = new Set([...ids].map(rowOf).filter(Boolean));
      if (rowIds.size > 0) {
        const known = await queue.getRanges([...liveStates, "completed", "failed"], 0, -1);
        for (const id of known) if (rowIds.has(rowOf(id))) ids.add(id);
        if (name === queues.inbound) {
          // A batch of received emails (the receiver's) names them in its payload: it goes if
          // it holds one of these (the reconciler files the others it held). Done, it was
          // removed at once; the event stream may still name it after its first email.
          for (const id of known) {
            if (!id.startsWith(inboundBatchJobId(""))) continue;
            const data = (await queue.getJob(id))?.data as { inboundMessageIds?: unknown };
            const members = Array.isArray(data?.inboundMessageIds) ? data.inboundMessageIds : [];
            if (members.some((member) => rowIds.has(member as string))) ids.add(id);
          }
          for (const row of rowIds) ids.add(inboundBatchJobId(row!));
        }
      }
      for (const id of ids) if (await queue.getJob(id)) removed += await queue.remove(id);
      await forgetEvents(connection, queue, ids);
    }
    return removed;
  };

  /** The ids of a queue's jobs still to run: waiting, delayed, or running. */
  const liveJobIds = (queue: QueueName) => queueFor(queue).getRanges(liveStates, 0, -1);

  /** The received emails that live filing batches hold (their ids are not in the jobs' ids). */
  const liveInboundBatchMembers = async () => {
    const queue = queueFor(queues.inbound);
    const batches = (await queue.getRanges(liveStates, 0, -1)).filter((id) =>
      id.startsWith(inboundBatchJobId("")),
    );
    const jobs = await Promise.all(batches.map((id) => queue.getJob(id)));
    return jobs.flatMap((job) => {
      const members = (job?.data as { inboundMessageIds?: unknown } | undefined)?.inboundMessageIds;
      return Array.isArray(members) ? members.map(String) : [];
    });
  };

  /** How many jobs each queue holds, by state: counts only, nothing personal. */
  const depths = async () => {
    const entries = await Promise.all(
      Object.values(queues).map(
        async (name) => [name, await queueFor(name).getJobCounts(...depthStates)] as const,
      ),
    );
    return Object.fromEntries(entries) as Record<QueueName, Record<string, number>>;
  };

  return {
    enqueue,
    enqueueMany,
    remove,
    liveJobIds,
    liveInboundBatchMembers,
    depths,
    close: async () => {
      await Promise.all([...open.values()].map((queue) => queue.close()));
    },
  };
}
