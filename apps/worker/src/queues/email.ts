import { queues } from "@caseward/core/jobs";
import type { RedisConnection } from "@caseward/core/redis";

import type { JobContext } from "../context";
import { startQueueWorker } from "./worker";

/** Emails: the welcome email and every notification of the outbox. */
export function startEmailWorker(
  ctx: JobContext,
  connection: RedisConnection,
  options: { prefix: string; concurrency: number },
) {
  return startQueueWorker(queues.email, ctx, connection, options);
}
