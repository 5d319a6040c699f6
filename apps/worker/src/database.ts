import type { Database } from "@caseward/db";
import { sql } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import type { Logger } from "pino";

/** How often the worker checks that Postgres answers. */
export const databaseProbeEveryMs = 5_000;

/**
 * The worker's Postgres pool, replaced by a fresh one once Postgres answers again after it could
 * not be reached. postgres.js 3.4.9 leaves a connection that closed with a write still buffered
 * unable to send anything ever again (every later use times out), and sometimes throws from a
 * timer while it does (porsager/postgres#1154, #1208; no release fixes it): after a Postgres
 * restart the old pool cannot be trusted. `db` always reaches the current pool.
 */
export function createWorkerDatabase(url: string, logger: Logger) {
  const connect = () => createDatabase(url, { max: 10 });
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
