// The worker's connections made ready before timers come due: real Postgres (a database of this
// file's own: "is any timer coming due?" asks the whole table).
import { timersComingDue } from "@caseward/core";
import "@caseward/core/testing";
import { eq, sql } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { notifications, timers } from "@caseward/db/schema";
import { createTestDatabase } from "@caseward/services/test-database";
import { waitFor } from "@caseward/services/wait-for";
import pino from "pino";
import { afterAll, describe, expect, inject, it } from "vitest";

import { startComingDueWarmUp, warmConnections } from "./coming-due";
import { caseWaitingOnCompany } from "./testing/case-waiting-on-company";

const server = new URL(inject("databaseUrl"));
server.pathname = "/postgres";
const testDatabase = await createTestDatabase(server.toString(), "caseward_coming_due");
// The observer: counts the other pools' connections and reads the rows.
const observer = createDatabase(testDatabase.url, { max: 1 });
const db = observer.db;

afterAll(async () => {
  await observer.close();
  await testDatabase.drop();
});

/** Connections to this file's database other than the observer's. */
async function otherConnections() {
  const [row] = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()`);
  return row!.n;
}

/** The statements prepared on each of `count` connections of a pool (held at once). */
async function preparedOnEach(pool: ReturnType<typeof createDatabase>, count: number) {
  let arrived = 0;
  let release = () => {};
  const all = new Promise<void>((resolve) => (release = resolve));
  return Promise.all(
    Array.from({ length: count }, () =>
      pool.db.$client.begin(async (tx) => {
        // Every transaction holds its connection until all have one: `count` distinct ones.
        if (++arrived === count) release();
        await all;
        // Ours only: not this count, nor the driver's own look-up of array types.
        const [row] = await tx<{ n: number; pid: number }[]>`
          select count(*)::int as n, pg_backend_pid() as pid from pg_prepared_statements
          where statement ~ '"(timers|notifications)"'`;
        return row!;
      }),
    ),
  );
}

describe("timersComingDue", () => {
  it("is true only while a pending timer comes due within the window", async () => {
    expect(await timersComingDue(db, new Date(), 10_000)).toBe(false);
    const { caseId } = await caseWaitingOnCompany(db);
    // Its window passed already: due, not coming due.
    expect(await timersComingDue(db, new Date(), 10_000)).toBe(false);
    const now = new Date();
    await db
      .update(timers)
      .set({ dueAt: new Date(now.getTime() + 5_000) })
      .where(eq(timers.caseId, caseId));
    expect(await timersComingDue(db, now, 10_000)).toBe(true);
    expect(await timersComingDue(db, now, 2_000)).toBe(false);
    await db.update(timers).set({ status: "fired" }).where(eq(timers.caseId, caseId));
    expect(await timersComingDue(db, now, 10_000)).toBe(false);
  });
});

describe("warmConnections", () => {
  it("opens every connection of the pool and prepares the statements on each, changing nothing", async () => {
    const { caseId } = await caseWaitingOnCompany(db);
    const before = await db.select().from(timers).where(eq(timers.caseId, caseId));
    const emailsBefore = await db.select().from(notifications);
    const pool = createDatabase(testDatabase.url, { max: 4 });
    try {
      expect(await otherConnections()).toBe(0);
      await warmConnections(pool.db, 4);
      expect(await otherConnections()).toBe(4);
      const prepared = await preparedOnEach(pool, 4);
      expect(new Set(prepared.map((p) => p.pid)).size).toBe(4);
      // The firing's four (its own timer, the other due ones, the writes, "pending or due?")
      // and the send path's three (claim, the emails' rows, the `sent` stamps), on each.
      for (const { n } of prepared) expect(n).toBe(7);
      // Nothing fired, locked for good or written: the due timer is as it was.
      expect(await db.select().from(timers).where(eq(timers.caseId, caseId))).toEqual(before);
      expect(await db.select().from(notifications)).toEqual(emailsBefore);
      await db.transaction(async (tx) => {
        await tx.execute(sql`select id from timers where case_id = ${caseId} for update nowait`);
      });
    } finally {
      await pool.close();
    }
  });
});

describe("startComingDueWarmUp", () => {
  it("warms the pool once a timer comes due within the look-ahead, not before", async () => {
    await waitFor(
      async () => ((await otherConnections()) === 0 ? true : undefined),
      5_000,
      "the other pools closed",
    );
    const { caseId } = await caseWaitingOnCompany(db);
    // Nothing coming due: the look asks on one connection and opens no other.
    await db.update(timers).set({ status: "fired" }).where(eq(timers.status, "pending"));
    const pool = createDatabase(testDatabase.url, { max: 3 });
    const warmUp = startComingDueWarmUp({ db: pool.db, logger: pino({ level: "silent" }) }, 3);
    try {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(await otherConnections()).toBeLessThanOrEqual(1);
      await db
        .update(timers)
        .set({ status: "pending", dueAt: new Date(Date.now() + 8_000) })
        .where(eq(timers.caseId, caseId));
      const warmedIn = Date.now();
      await waitFor(
        async () => ((await otherConnections()) === 3 ? true : undefined),
        5_000,
        "the pool warmed",
      );
      // Within a look or two (one a second).
      expect(Date.now() - warmedIn).toBeLessThan(2_500);
      // The seven on each, and on one of them the look's own.
      const prepared = await preparedOnEach(pool, 3);
      for (const { n } of prepared) expect(n).toBeGreaterThanOrEqual(7);
    } finally {
      warmUp.stop();
      await pool.close();
    }
  });
});
