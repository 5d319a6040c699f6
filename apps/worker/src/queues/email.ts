import type { JobName } from "@caseward/core/jobs";
import { jobDefinitions, queues } from "@caseward/core/jobs";
import type { Redis } from "ioredis";
import { Worker } from "bullmq";

import type { JobContext } from "../context";
import { sendWelcomeEmail } from "../jobs/welcome-email";

type Handler = (ctx: JobContext, payload: never) => Promise<unknown>;

const handlers: Record<JobName, Handler> = {
  "welcome-email": sendWelcomeEmail,
};

export function startEmailWorker(
  ctx: JobContext,
  connection: Redis,
  options: { prefix: string; concurrency: number },
) {
  const worker = new Worker(
    queues.email,
    async (job) => {
      const name = job.name as JobName;
      const definition = jobDefinitions[name];
      if (!definition) throw new Error(`unknown job ${job.name}`);
      // Payloads are parsed at the edge like any other input.
      const payload = definition.payload.parse(job.data);
      return handlers[name](ctx, payload as never);
    },
    { connection, prefix: options.prefix, concurrency: options.concurrency },
  );
  const { logger } = ctx;
  worker.on("completed", (job) => logger.info({ jobId: job.id, job: job.name }, "job done"));
  worker.on("failed", (job, error) =>
    logger.warn(
      { jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: error.name },
      "job failed",
    ),
  );
  worker.on("error", (error) =>
    logger.error({ err: error.name, msg: error.message }, "email worker error"),
  );
  return worker;
}
