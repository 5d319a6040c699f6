import type { QueueName } from "@caseward/core/jobs";
import { isJobName, jobDefinitions, jobRetention } from "@caseward/core/jobs";
import { Worker } from "bullmq";
import type { RedisConnection } from "@caseward/core/redis";

import type { JobContext } from "../context";
import { runJob } from "../jobs";
import { withoutPersonalData } from "./job-error";

/** A BullMQ worker for one queue: parses each payload, runs its handler, logs ids only. */
export function startQueueWorker(
  queue: QueueName,
  ctx: JobContext,
  connection: RedisConnection,
  options: { prefix: string; concurrency: number },
) {
  const worker = new Worker(
    queue,
    async (job, token) => {
      const { name } = job;
      if (!isJobName(name) || jobDefinitions[name].queue !== queue) {
        throw new Error(`unknown job ${name} on ${queue}`);
      }
      try {
        // Payloads are parsed at the edge like any other input.
        return await runJob(name, ctx, job, token);
      } catch (error) {
        throw withoutPersonalData(error);
      }
    },
    { connection, prefix: options.prefix, concurrency: options.concurrency, ...jobRetention },
  );
  const { logger } = ctx;
  worker.on("completed", (job) => logger.debug({ jobId: job.id, job: job.name }, "job done"));
  worker.on("failed", (job, error) =>
    logger.warn(
      { jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: error.name },
      "job failed",
    ),
  );
  worker.on("error", (error) => logger.error({ queue, err: error.name }, "worker error"));
  return worker;
}
