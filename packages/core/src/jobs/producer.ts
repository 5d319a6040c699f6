import type { JobsOptions } from "bullmq";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";

import type { JobName, JobPayload, QueueName } from "./definitions";
import { jobAttempts, jobDefinitions, parseJobPayload, queues } from "./definitions";

export type Enqueue = <N extends JobName>(
  name: N,
  payload: JobPayload<N>,
  options?: Pick<JobsOptions, "jobId" | "delay">,
) => Promise<void>;

/** A type-checked producer: `enqueue("welcome-email", { userId })`. */
export function createJobProducer(connection: Redis, prefix: string) {
  const open = new Map<QueueName, Queue>();
  const queueFor = (name: QueueName) => {
    let queue = open.get(name);
    if (!queue) {
      queue = new Queue(name, { connection, prefix });
      // Without a listener an unreachable Redis would crash the process.
      queue.on("error", (error) => console.error(`queue ${name}: ${error.message}`));
      open.set(name, queue);
    }
    return queue;
  };

  const enqueue: Enqueue = async (name, payload, options) => {
    const data = parseJobPayload(name, payload);
    await queueFor(jobDefinitions[name].queue).add(name, data, {
      attempts: jobAttempts,
      backoff: { type: "exponential", delay: 2_000 },
      ...options,
    });
  };

  /** Removes jobs by their (deterministic) ids; a missing one is skipped. Returns how many went. */
  const remove = async (jobIds: string[]) => {
    let removed = 0;
    for (const id of jobIds) {
      const queue = queueFor(
        id.startsWith("timer-")
          ? queues.timers
          : id.startsWith("inbound-")
            ? queues.inbound
            : queues.email,
      );
      if (await queue.getJob(id)) removed += await queue.remove(id);
    }
    return removed;
  };

  return {
    enqueue,
    remove,
    close: async () => {
      await Promise.all([...open.values()].map((queue) => queue.close()));
    },
  };
}
