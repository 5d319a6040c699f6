import { queues, queueStreams, timerJobId } from "@caseward/core/jobs";
import type { RedisConnection } from "@caseward/core/redis";
import { Queue } from "bullmq";
import type { Logger } from "pino";

export type FiredTimerJobs = ReturnType<typeof createFiredTimerJobs>;

/**
 * Takes out of the queue the jobs of timers a batch of this process just fired (committed):
 * each would only be fetched, locked, find its timer fired and be completed — four Redis
 * scripts and a slot of the worker for nothing, about a thousand of them at the start of a
 * burst of a thousand deadlines, while its first emails go out. A removal is one script, and
 * BullMQ's own: a job another worker runs already (locked) stays, and one gone already is
 * nothing to remove. Fired is final, so a removed job had nothing left to do; a failed removal
 * leaves the job, which then ends without a query as before. Only the job of the due time the
 * timer was fired for: a job queued again under another id (the reconciler's) stays.
 */
export function createFiredTimerJobs(connection: RedisConnection, prefix: string, logger: Logger) {
  const queue = new Queue(queues.timers, { connection, prefix, streams: queueStreams });
  queue.on("error", (error) => logger.error({ err: error.name }, "timers queue error"));
  const running = new Set<Promise<unknown>>();
  return {
    /** Removes the jobs of these fired timers, in the background (never awaited by a job). */
    remove(fired: { timerId: string; dueAt: Date }[]) {
      if (fired.length === 0) return;
      const removing = Promise.all(
        fired.map(({ timerId, dueAt }) => queue.remove(timerJobId(timerId, dueAt))),
      ).catch((error: Error) =>
        logger.warn({ err: error.name, count: fired.length }, "fired timers' jobs not removed"),
      );
      running.add(removing);
      void removing.finally(() => running.delete(removing));
    },
    /** Waits for the removals under way, then closes the queue (before Redis is closed). */
    close: async () => {
      await Promise.allSettled(running);
      await queue.close();
    },
  };
}
