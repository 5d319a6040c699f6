import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

import * as schema from "./schema";

export type Database = ReturnType<typeof createDatabase>["db"];

/** One pool per process; callers own its lifetime (`close()` on shutdown). */
export function createDatabase(url: string, options: { max?: number } = {}) {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    connect_timeout: 10,
  });
  const db = drizzle(sql, { schema });
  return { db, close: () => sql.end({ timeout: 5 }) };
}

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A query runner: the pool, or a transaction in progress. */
export type Executor = Database | Transaction;
