import { checkHealth } from "@caseward/core";

import { db } from "~/server/db";
import { jobs } from "~/server/jobs";
import { redisProbe } from "~/server/redis";

export const dynamic = "force-dynamic";

/** PostgreSQL, Redis, the queues' depths and how late the outbox is: counts only, nothing personal. */
export async function GET() {
  const health = await checkHealth({ db, redis: redisProbe, queueDepths: jobs.depths });
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
