import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm/sql";
import { fillPlaceholders } from "drizzle-orm/sql";

import type { Database } from "./client";

const dialect = new PgDialect();

/**
 * Runs a query as a named prepared statement of its connection (postgres.js `prepare: true`):
 * Postgres parses it once per connection and, once it settles on a generic plan, stops planning
 * it. For the raw aggregate queries a page runs on every view, planning cost as much as running
 * them (issue 19's insights: ~2 ms of each ~3 ms). Rows come back as the driver reads them
 * (timestamps as text, as drizzle configures the client).
 */
export async function executePrepared<Row>(db: Database, query: SQL): Promise<Row[]> {
  const { sql, params } = dialect.sqlToQuery(query);
  const rows = await db.$client.unsafe(sql, params as never[], { prepare: true });
  return rows as unknown as Row[];
}

/** A query's SQL text and parameters, as `executePrepared` sends them (for EXPLAIN). */
export function queryText(query: SQL) {
  return dialect.sqlToQuery(query);
}

/** What runs a prepared statement: a pool's driver (`db.$client`) or a transaction's (`begin`). */
export type Driver = Pick<Database["$client"], "unsafe">;

/**
 * `executePrepared` for a query with `sql.placeholder`s, turned into SQL text ONCE: building
 * a large statement (a page's every table as JSON) cost more CPU than running it. Run it with
 * the placeholders' values on a driver of one's choosing: the pool's (`db.$client`) or a
 * postgres.js transaction's own `sql` (`db.$client.begin`), whose statements go pipelined on
 * its connection.
 */
export function preparedStatement<Row>(query: SQL) {
  const { sql, params } = dialect.sqlToQuery(query);
  return async (driver: Driver, values: Record<string, unknown>): Promise<Row[]> => {
    const filled = fillPlaceholders(params, values);
    const rows = await driver.unsafe(sql, filled as never[], { prepare: true });
    return rows as unknown as Row[];
  };
}

/** `preparedStatement` run on the pool. */
export function preparedQuery<Row>(query: SQL) {
  const run = preparedStatement<Row>(query);
  return (db: Database, values: Record<string, unknown>) => run(db.$client, values);
}
