import type { Database } from "@caseward/db";
import { sql } from "@caseward/db";

import { oldestDueUnsentNotification } from "./outbox/queries";
import type { RedisNodeHealth } from "./redis";

/** Redis as /health asks it (`redisHealth` in ./redis.ts): a command, and each cluster node. */
export interface RedisProbe {
  ping(): Promise<unknown>;
  nodes?: (timeoutMs?: number) => Promise<RedisNodeHealth[]>;
}

/** An email owed this long past its time is worth an alert: the workers are not keeping up. */
export const outboxAlertAfterSeconds = 5 * 60;

export interface Health {
  /** "degraded" (503) when PostgreSQL or Redis does not answer. */
  status: "ok" | "degraded";
  /** Something to look at, though everything answers (a late outbox): 200 still. */
  alert: boolean;
  postgres: { ok: boolean; ms: number };
  /** With a cluster: each node ever seen and whether it answers now (a lost replica: still ok). */
  redis: { ok: boolean; ms: number; nodes?: RedisNodeHealth[] };
  /** Jobs per queue and state, or null when Redis did not say. */
  queues: Record<string, Record<string, number>> | null;
  /** The oldest due-but-unsent email's age, or null when none is owed (or PostgreSQL is down). */
  outbox: { oldestDueSeconds: number | null; alert: boolean } | null;
}

async function probe<T>(check: () => Promise<T>, timeoutMs: number) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const value = await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started), value };
  } catch {
    return { ok: false, ms: Math.round(performance.now() - started), value: undefined };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The state of the two services every process needs, the queues' depths and how late the
 * outbox is; used by the web's and the worker's /health. Counts and ages only: no personal data.
 */
export async function checkHealth(
  deps: {
    db: Database;
    redis: RedisProbe;
    queueDepths?: () => Promise<Record<string, Record<string, number>>>;
  },
  timeoutMs = 2_000,
  now = new Date(),
): Promise<Health> {
  const nodes = deps.redis.nodes;
  const [postgres, redis, outbox, queues, redisNodes] = await Promise.all([
    probe(() => deps.db.execute(sql`select 1`), timeoutMs),
    probe(() => deps.redis.ping(), timeoutMs),
    probe(() => oldestDueUnsentNotification(deps.db, now), timeoutMs),
    deps.queueDepths ? probe(deps.queueDepths, timeoutMs) : undefined,
    nodes ? probe(() => nodes(timeoutMs / 2), timeoutMs) : undefined,
  ]);
  const oldest = outbox.value ? new Date(outbox.value) : null;
  const oldestDueSeconds = oldest
    ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000))
    : null;
  const late = oldestDueSeconds !== null && oldestDueSeconds > outboxAlertAfterSeconds;
  return {
    status: postgres.ok && redis.ok ? "ok" : "degraded",
    alert: late,
    postgres: { ok: postgres.ok, ms: postgres.ms },
    redis: {
      ok: redis.ok,
      ms: redis.ms,
      ...(redisNodes ? { nodes: redisNodes.value ?? [] } : {}),
    },
    queues: queues?.value ?? null,
    outbox: outbox.ok ? { oldestDueSeconds, alert: late } : null,
  };
}
