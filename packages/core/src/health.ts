import type { Database } from "@caseward/db";
import { sql } from "@caseward/db";

interface Pingable {
  ping(): Promise<unknown>;
}

export interface Health {
  status: "ok" | "degraded";
  postgres: { ok: boolean; ms: number };
  redis: { ok: boolean; ms: number };
}

async function probe(check: () => Promise<unknown>, timeoutMs: number) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, ms: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

/** The state of the two services every process needs; used by the web's and the worker's /health. */
export async function checkHealth(
  deps: { db: Database; redis: Pingable },
  timeoutMs = 2_000,
): Promise<Health> {
  const [postgres, redis] = await Promise.all([
    probe(() => deps.db.execute(sql`select 1`), timeoutMs),
    probe(() => deps.redis.ping(), timeoutMs),
  ]);
  return { status: postgres.ok && redis.ok ? "ok" : "degraded", postgres, redis };
}
