import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

import * as schema from "./schema";

export type Database = ReturnType<typeof createDatabase>["db"];

type Sql = postgres.Sql;

/**
 * The client drizzle is given: postgres.js, with every statement drizzle sends prepared (named
 * by its text and kept per connection). drizzle asks postgres.js for unprepared statements
 * unless a query is given a name; postgres.js then sends a parameterised statement in two round
 * trips (Parse and Describe, wait for the parameter types, then Bind and Execute), and
 * PostgreSQL parses and plans it every time. Prepared, a statement seen before on the connection
 * is one round trip (Bind and Execute). Statements without parameters (DDL, `sql.raw`) still go
 * as simple queries, as before. Transactions and savepoints hand drizzle their own client:
 * wrapped the same way.
 */
function preparing<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (text: string, parameters?: unknown[], options?: { prepare?: boolean }) =>
          target.unsafe(text, parameters as postgres.ParameterOrJSON<never>[], {
            ...options,
            prepare: true,
          });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const body = args.pop() as (inner: Sql) => unknown;
          const open = Reflect.get(target, property) as (...rest: unknown[]) => unknown;
          return open.call(target, ...args, (inner: Sql) => body(preparing(inner)));
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

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
  const db = drizzle(preparing(sql), { schema });
  return { db, close: () => sql.end({ timeout: 5 }) };
}

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A query runner: the pool, or a transaction in progress. */
export type Executor = Database | Transaction;
