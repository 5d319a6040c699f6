import { queues, queueStreams } from "@caseward/core/jobs";
import { Queue } from "bullmq";
import type { RedisConnection } from "@caseward/core/redis";

import type { JobContext } from "../context";
import { startQueueWorker } from "./worker";

/** The reconciler's period unless RECONCILE_EVERY_MS says otherwise. */
export const reconcileEveryMs = 60_000;
/** How often each worker checks that the reconcile scheduler is still in Redis. */
export const schedulerCheckEveryMs = 15_000;

/** Deadlines: fires due timers, and runs the reconciler every minute (or `reconcileEveryMs`). */
export async function startTimerWorker(
  ctx: JobContext,
  connection: RedisConnection,
  options: { prefix: string; concurrency: number; reconcileEveryMs?: number },
) {
  const every = options.reconcileEveryMs ?? reconcileEveryMs;
  const scheduler = new Queue(queues.timers, {
    connection,
    prefix: options.prefix,
    streams: queueStreams,
  });
  scheduler.on("error", (error) => ctx.logger.error({ err: error.name }, "timers queue error"));
  // One scheduler for any number of workers: upserting it is idempotent.
  const upsertScheduler = () =>
    scheduler.upsertJobScheduler(
      "reconcile",
      { every },
      { name: "reconcile", data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  await upsertScheduler();
  // The scheduler itself lives in Redis: after a wipe (FLUSHALL, a new Redis without data) no
  // reconcile would ever run again and the lost jobs would stay lost. Put it back when it is
  // gone; a new scheduler runs at once, so the jobs are rebuilt within this check's period.
  const watchdog = setInterval(() => {
    scheduler
      .getJobScheduler("reconcile")
      .then(async (found) => {
        if (found) return;
        ctx.logger.warn("reconcile scheduler missing from Redis: re-creating it");
        await upsertScheduler();
      })
      .catch((error: Error) =>
        ctx.logger.error({ err: error.name }, "reconcile scheduler check failed"),
      );
  }, schedulerCheckEveryMs);
  watchdog.unref();
  const worker = startQueueWorker(queues.timers, ctx, connection, options);
  return {
    worker,
    close: async () => {
      clearInterval(watchdog);
      await worker.close();
      await scheduler.close();
    },
  };
}
