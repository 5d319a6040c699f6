import { checkHealth } from "@caseward/core";

import { db } from "~/server/db";
import { redis } from "~/server/redis";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth({ db, redis });
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
