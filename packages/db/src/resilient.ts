import { sql } from "drizzle-orm";

import type { Database } from "./client";
import { createDatabase } from "./client";

/** Where the pool says it was replaced (a pino logger fits). */
export interface PoolLogger {
  warn(fields: { reason: string }, message: string): void;
}

/** How often a long-running process (worker, inbound receiver) checks that Postgres answers. */
export const databaseProbeEveryMs = 5_000;

/**
 * A long-running process's Postgres pool (the worker's, the inbound receiver's), replaced by a fresh one once Postgres answers again after it could
 * not be reached. postgres.js 3.4.9 leaves a connection that closed with a write still buffered
 * unable to send anything ever again (every later use times out), and sometimes throws from a
 * timer while it does (porsager/postgres#1154, #1208; no release fixes it): after a Postgres
 * restart the old pool cannot be trusted. `db` always reaches the current pool.
 */
export function createResilientDatabase(url: string, logger: PoolLogger, { max = 10 } = {}) {
  const connect = () => createDatabase(url, { max });
  let current = connect();
  const retired: ReturnType<typeof connect>[] = [];

  function replace(reason: string) {
    logger.warn({ reason }, "postgres pool replaced");
    const old = current;
    current = connect();
    retired.push(old);
    // Queries already running on it get time to finish.
    setTimeout(() => void old.close().catch(() => undefined), 30_000).unref();
  }

  const db = new Proxy({} as Database, {
    get(_, key) {
      const target = current.db;
      const value: unknown = Reflect.get(target, key, target);
      // The driver's client is a function with methods of its own (`unsafe` for prepared
      // statements): given as it is, not bound.
      if (key === "$client") return value;
      return typeof value === "function" ? (value as () => unknown).bind(target) : value;
    },
  });

  let unreachable = false;
  let probing = false;
  const probe = setInterval(() => {
    if (probing) return;
    probing = true;
    let timer: NodeJS.Timeout | undefined;
    void Promise.race([
      current.db.execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), 3_000);
      }),
    ])
      .then(() => {
        if (unreachable) replace("postgres answers again");
        unreachable = false;
      })
      .catch(() => {
        unreachable = true;
      })
      .finally(() => {
        clearTimeout(timer);
        probing = false;
      });
  }, databaseProbeEveryMs);
  probe.unref();

  return {
    db,
    replace,
    close: async () => {
      clearInterval(probe);
      await Promise.all([current, ...retired].map((pool) => pool.close().catch(() => undefined)));
    },
  };
}
