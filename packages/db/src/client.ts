import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

import * as schema from "./schema";

export type Database = ReturnType<typeof createDatabase>["db"];

/** One pool per process; callers own its lifetime (`close()` on shutdown). */
export function createDatabase(
  url: string,
  options: {
    max?: number;
    /** Called with each statement's text as it is sent (tests count round trips with it). */
    onStatement?: (text: string) => void;
  } = {},
) {
  const onStatement = options.onStatement;
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    connect_timeout: 10,
    ...(onStatement && { debug: (_connection: number, text: string) => onStatement(text) }),
  });
  const db = drizzle(sql, { schema });
  return { db, close: () => sql.end({ timeout: 5 }) };
}

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A query runner: the pool, or a transaction in progress. */
export type Executor = Database | Transaction;
