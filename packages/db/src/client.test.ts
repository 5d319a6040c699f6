import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";

import { createDatabase } from "./client";
import { users } from "./schema";

// The root global setup provides it (tooling/services/src/vitest-context.ts types it for the
// packages that depend on the services package; this one is below it).
declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// One connection: what a statement prepared is seen from the same session.
const connection = createDatabase(inject("databaseUrl"), { max: 1 });
const db = connection.db;
afterAll(() => connection.close());

/** The statements this session has prepared whose text holds `marker`. */
async function preparedWith(runner: Pick<typeof db, "execute">, marker: string) {
  const rows = await runner.execute<{ statement: string }>(
    sql`select statement from pg_prepared_statements where statement like ${`%${marker}%`}`,
  );
  return rows.filter((row) => !row.statement.includes("pg_prepared_statements")).length;
}

describe("the database client", () => {
  it("prepares drizzle's parameterised statements on the pool, in a transaction and in a savepoint", async () => {
    await db.select({ id: users.id }).from(users).where(eq(users.id, "someone"));
    expect(await preparedWith(db, `from "users" where "users"."id" = $1`)).toBe(1);
    await db.execute(sql`select ${"first"}::text as on_pool_marker`);
    expect(await preparedWith(db, "on_pool_marker")).toBe(1);

    await db.transaction(async (tx) => {
      await tx.execute(sql`select ${1}::int as in_transaction_marker`);
      expect(await preparedWith(tx, "in_transaction_marker")).toBe(1);
      await tx.transaction(async (savepoint) => {
        await savepoint.execute(sql`select ${2}::int as in_savepoint_marker`);
        expect(await preparedWith(savepoint, "in_savepoint_marker")).toBe(1);
      });
    });
    // The same text again: the statement kept is used, not prepared a second time.
    await db.execute(sql`select ${"again"}::text as on_pool_marker`);
    expect(await preparedWith(db, "on_pool_marker")).toBe(1);
  });

  it("still sends statements without parameters as they are (several in one text)", async () => {
    const rows = await db.execute(sql.raw("select 1 as one; select 2 as two"));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    const values = await db.execute<{ n: number }>(sql`select ${41}::int + 1 as n`);
    expect(values[0]?.n).toBe(42);
  });
});
