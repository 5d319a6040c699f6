import { queues } from "@caseward/core/jobs";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";

import type { JobContext } from "../context";
import { startQueueWorker } from "./worker";

export const reconcileEveryMs = 60_000;

/** Deadlines: fires due timers, and runs the reconciler every minute. */
export async function startTimerWorker(
  ctx: JobContext,
  connection: Redis,
  options: { prefix: string; concurrency: number },
) {
  const scheduler = new Queue(queues.timers, { connection, prefix: options.prefix });
  scheduler.on("error", (error) => ctx.logger.error({ err: error.name }, "timers queue error"));
  // One scheduler for any number of workers: upserting it is idempotent.
  await scheduler.upsertJobScheduler(
    "reconcile",
    { every: reconcileEveryMs },
    { name: "reconcile", data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
  );
  const worker = startQueueWorker(queues.timers, ctx, connection, options);
  return {
    worker,
    close: async () => {
      await worker.close();
      await scheduler.close();
    },
  };
}
