import { queues } from "@caseward/core/jobs";
import type { RedisConnection } from "@caseward/core/redis";

import type { JobContext } from "../context";
import { startQueueWorker } from "./worker";

/** Received emails: each `file-inbound` job files one (its own queue: mail never waits on sends). */
export function startInboundWorker(
  ctx: JobContext,
  connection: RedisConnection,
  options: { prefix: string; concurrency: number },
) {
  return startQueueWorker(queues.inbound, ctx, connection, options);
}
