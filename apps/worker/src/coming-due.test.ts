// The worker made ready before timers come due: real Postgres (a database of this file's own:
// "which timer comes due next?" asks the whole table), real SMTP (the test SMTP sink).
import { nextTimerComingDue, notificationMessageId } from "@caseward/core";
import { eq, sql } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { notifications, timers } from "@caseward/db/schema";
import { waitFor } from "@caseward/services/wait-for";
import { describe, expect, it } from "vitest";

import { startComingDue, warmConnections } from "./coming-due";
import { caseWaitingOnCompany } from "./testing/case-waiting-on-company";
import { jobContextFor, ownDatabaseAndSink } from "./testing/own-database";

// The observer (one connection): counts the other pools' connections and reads the rows.
const { url, db, sink, mailer } = await ownDatabaseAndSink("caseward_coming_due", 1);

/** A worker's job context on `pool`, this file's SMTP sink; no job is queued. */
const jobContext = (pool: ReturnType<typeof createDatabase>) => jobContextFor(pool.db, mailer);

/** A case whose response window comes due `inMs` from now; every other timer fired. */
async function comingDue(inMs: number) {
  await db.update(timers).set({ status: "fired" }).where(eq(timers.status, "pending"));
  const { caseId } = await caseWaitingOnCompany(db);
  const dueAt = new Date(Date.now() + inMs);
  const [timer] = await db
    .update(timers)
    .set({ dueAt })
    .where(eq(timers.caseId, caseId))
    .returning({ id: timers.id });
  return { caseId, timerId: timer!.id, dueAt };
}

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

describe("nextTimerComingDue", () => {
  it("is the first pending timer due within the window, not one due already", async () => {
    expect(await nextTimerComingDue(db, new Date(), 10_000)).toBeNull();
    const { caseId } = await caseWaitingOnCompany(db);
    // Its window passed already: due, not coming due.
    expect(await nextTimerComingDue(db, new Date(), 10_000)).toBeNull();
    const now = new Date();
    const first = new Date(now.getTime() + 5_000);
    const [timer] = await db
      .update(timers)
      .set({ dueAt: first })
      .where(eq(timers.caseId, caseId))
      .returning({ id: timers.id });
    const later = await caseWaitingOnCompany(db);
    await db
      .update(timers)
      .set({ dueAt: new Date(now.getTime() + 7_000) })
      .where(eq(timers.caseId, later.caseId));
    expect(await nextTimerComingDue(db, now, 10_000)).toEqual({ id: timer!.id, dueAt: first });
    expect(await nextTimerComingDue(db, now, 2_000)).toBeNull();
    await db.update(timers).set({ status: "fired" }).where(eq(timers.status, "pending"));
    expect(await nextTimerComingDue(db, now, 10_000)).toBeNull();
  });
});

describe("warmConnections", () => {
  it("opens every connection of the pool and prepares the statements on each, changing nothing", async () => {
    const { caseId } = await caseWaitingOnCompany(db);
    const before = await db.select().from(timers).where(eq(timers.caseId, caseId));
    const emailsBefore = await db.select().from(notifications);
    const pool = createDatabase(url, { max: 4 });
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

describe("startComingDue", () => {
  it("warms the pool once a timer comes due within the look-ahead, not before", async () => {
    await waitFor(
      async () => ((await otherConnections()) === 0 ? true : undefined),
      5_000,
      "the other pools closed",
    );
    const { caseId } = await caseWaitingOnCompany(db);
    // Nothing coming due: the look asks on one connection and opens no other.
    await db.update(timers).set({ status: "fired" }).where(eq(timers.status, "pending"));
    const pool = createDatabase(url, { max: 3 });
    const warmUp = startComingDue(jobContext(pool), 3);
    try {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(await otherConnections()).toBeLessThanOrEqual(1);
      await db
        .update(timers)
        .set({ status: "pending", dueAt: new Date(Date.now() + 9_000) })
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
      await warmUp.stop();
      await pool.close();
    }
  });

  it("fires the first timer coming due at its due time, never before, its email sent once", async () => {
    const { timerId, dueAt } = await comingDue(2_500);
    const pool = createDatabase(url, { max: 2 });
    // No job was queued for it: only the process's own firing can fire it.
    const ready = startComingDue(jobContext(pool), 2);
    try {
      const fired = await waitFor(
        async () => {
          const [row] = await db.select().from(timers).where(eq(timers.id, timerId));
          return row?.status === "fired" ? row : undefined;
        },
        10_000,
        "the timer fired",
      );
      const late = fired.firedAt!.getTime() - dueAt.getTime();
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(1_000);
      const [email] = await db
        .select()
        .from(notifications)
        .where(eq(notifications.timerId, timerId));
      const messageId = notificationMessageId(email!.id);
      await waitFor(
        () => (email && sink.deliveries.some((d) => d.messageId === messageId) ? true : undefined),
        10_000,
        "its email",
      );
      await ready.stop();
      expect(sink.deliveries.filter((d) => d.messageId === messageId)).toHaveLength(1);
      const [sent] = await db.select().from(notifications).where(eq(notifications.id, email!.id));
      expect(sent!.state).toBe("sent");
    } finally {
      await ready.stop();
      await pool.close();
    }
  });

  it("fires nothing once stopped", async () => {
    const { timerId } = await comingDue(1_500);
    const pool = createDatabase(url, { max: 2 });
    const ready = startComingDue(jobContext(pool), 2);
    try {
      // Armed at its first look (a second), stopped before the due time.
      await waitFor(
        async () => ((await otherConnections()) === 2 ? true : undefined),
        5_000,
        "the pool warmed",
      );
      await ready.stop();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const [row] = await db.select().from(timers).where(eq(timers.id, timerId));
      expect(row!.status).toBe("pending");
    } finally {
      await ready.stop();
      await pool.close();
    }
  });
});
