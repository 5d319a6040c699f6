import { sql } from "@caseward/db";

import { db } from "~/server/db";
import { redis } from "~/server/redis";

export const dynamic = "force-dynamic";

async function probe(check: () => Promise<unknown>) {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2_000)),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, ms: Math.round(performance.now() - started) };
  }
}

export async function GET() {
  const [postgres, redisState] = await Promise.all([
    probe(() => db.execute(sql`select 1`)),
    probe(() => redis.ping()),
  ]);
  const ok = postgres.ok && redisState.ok;
  return Response.json(
    { status: ok ? "ok" : "degraded", postgres, redis: redisState },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
