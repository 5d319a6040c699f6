// A burst fired in batches and sent by the send lanes: real Postgres (a database of this file's
// own: a batch fires every due timer it finds), real SMTP (the test SMTP sink).
import { fireDueTimers, fireTimer, notificationMessageId, sendNotifications } from "@caseward/core";
import { and, eq, inArray } from "@caseward/db";
import { cases, channels, notifications, timers } from "@caseward/db/schema";
import { describe, expect, it } from "vitest";

import { createFiredTimers } from "./fired-timers";
import { fireTimerJob } from "./jobs/fire-timer";
import { createSendLanes } from "./send-lanes";
import { caseWaitingOnCompany } from "./testing/case-waiting-on-company";
import { jobContextFor, ownDatabaseAndSink } from "./testing/own-database";

const { db, sink, mailer } = await ownDatabaseAndSink("caseward_fire_batch", 4);

/** A worker's job context on this file's database and SMTP sink; no job is queued again. */
const jobContext = jobContextFor(db, mailer);

async function dueTimers(count: number) {
  const made = [];
  for (let i = 0; i < count; i++) made.push(await caseWaitingOnCompany(db));
  const caseIds = made.map((m) => m.caseId);
  const rows = await db.select().from(timers).where(inArray(timers.caseId, caseIds));
  return { caseIds, timerIds: rows.map((t) => t.id) };
}

describe("fireDueTimers", () => {
  it("fires its own timer and the other due ones in one batch, each once, with fireTimer's rules", async () => {
    const { caseIds, timerIds } = await dueTimers(4);
    // One not due yet: left alone.
    const [later] = await dueTimers(1).then((d) => d.timerIds);
    await db
      .update(timers)
      .set({ dueAt: new Date(Date.now() + 3_600_000) })
      .where(eq(timers.id, later!));

    const first = await fireDueTimers(db, timerIds[0]!, { limit: 3 });
    expect(first).toMatchObject({ fired: 3, ownFired: true, more: true });
    expect(first.notifications).toHaveLength(3);
    const second = await fireDueTimers(db, timerIds[0]!, { limit: 3 });
    expect(second).toMatchObject({ fired: 1, ownFired: false, more: false });
    const third = await fireDueTimers(db, timerIds[1]!);
    expect(third).toEqual({
      fired: 0,
      ownFired: false,
      more: false,
      notifications: [],
      timerIds: [],
      dueAts: [],
      latenessMs: [],
    });
    expect([...first.timerIds, ...second.timerIds].sort()).toEqual([...timerIds].sort());
    // The one fired by another's batch is not fired again by its own job.
    expect((await fireTimer(db, timerIds[3]!)).fired).toBe(false);

    const rows = await db
      .select()
      .from(timers)
      .where(inArray(timers.id, [...timerIds, later!]));
    expect(
      rows
        .filter((t) => t.status === "fired")
        .map((t) => t.id)
        .sort(),
    ).toEqual([...timerIds].sort());
    expect(rows.find((t) => t.id === later)!.status).toBe("pending");
    // Each case escalated to the phone: the next verified channel above the email.
    const escalated = await db
      .select({ status: cases.status, kind: channels.kind })
      .from(cases)
      .innerJoin(channels, eq(channels.id, cases.suggestedChannelId))
      .where(inArray(cases.id, caseIds));
    expect(escalated).toEqual(caseIds.map(() => ({ status: "escalation_due", kind: "phone" })));
    const owed = await db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(inArray(notifications.caseId, caseIds));
    expect(owed.map((n) => n.kind)).toEqual(caseIds.map(() => "escalation"));
  });
});

describe("a case whose window and promise fall due together", () => {
  it("takes the window's next step, whichever of the two the batch met first", async () => {
    const {
      caseIds: [caseId],
    } = await dueTimers(1);
    const [window] = await db.select().from(timers).where(eq(timers.caseId, caseId!));
    const [promise] = await db
      .insert(timers)
      .values({
        ownerId: window!.ownerId,
        caseId: caseId!,
        kind: "promised_follow_up",
        dueAt: window!.dueAt,
      })
      .returning();
    // The promise's own job: its timer is the batch's first firing.
    const fired = await fireDueTimers(db, promise!.id);
    expect(fired).toMatchObject({ ownFired: true, fired: 2 });
    const [escalated] = await db
      .select({ status: cases.status, kind: channels.kind })
      .from(cases)
      .innerJoin(channels, eq(channels.id, cases.suggestedChannelId))
      .where(eq(cases.id, caseId!));
    expect(escalated).toEqual({ status: "escalation_due", kind: "phone" });
  });
});

describe("a batch whose cases step differently", () => {
  it("gives each case its own next step, none where no verified channel is above", async () => {
    const { caseIds, timerIds } = await dueTimers(2);
    // The second company's phone is not verified any more: its case's step is to verify first.
    const [unverified] = await db
      .select({ companyId: cases.companyId })
      .from(cases)
      .where(eq(cases.id, caseIds[1]!));
    await db
      .update(channels)
      .set({ status: "unverified" })
      .where(and(eq(channels.companyId, unverified!.companyId), eq(channels.kind, "phone")));

    const fired = await fireDueTimers(db, timerIds[0]!);
    expect(fired).toMatchObject({ ownFired: true, fired: 2 });
    expect([...fired.timerIds].sort()).toEqual([...timerIds].sort());
    const rows = await db
      .select({ id: cases.id, status: cases.status, step: channels.kind })
      .from(cases)
      .leftJoin(channels, eq(channels.id, cases.suggestedChannelId))
      .where(inArray(cases.id, caseIds));
    expect(rows.sort((a, b) => caseIds.indexOf(a.id) - caseIds.indexOf(b.id))).toEqual([
      { id: caseIds[0], status: "escalation_due", step: "phone" },
      { id: caseIds[1], status: "escalation_due", step: null },
    ]);
    const owed = await db
      .select({
        timerId: notifications.timerId,
        kind: notifications.kind,
        dedupeKey: notifications.dedupeKey,
      })
      .from(notifications)
      .where(inArray(notifications.caseId, caseIds));
    expect(
      owed.sort((a, b) => timerIds.indexOf(a.timerId!) - timerIds.indexOf(b.timerId!)),
    ).toEqual(
      timerIds.map((id) => ({ timerId: id, kind: "escalation", dedupeKey: `escalation-${id}` })),
    );
  });
});

describe("sendNotifications and the send lanes", () => {
  it("sends each owed email once under its Message-ID, however often it is handed over", async () => {
    const { caseIds, timerIds } = await dueTimers(3);
    const fired = await fireDueTimers(db, timerIds[0]!);
    const ids = fired.notifications.map((n) => n.id);
    expect(ids).toHaveLength(3);
    const before = sink.deliveries.length;

    const lanes = createSendLanes(jobContext);
    lanes.add(ids);
    lanes.add(ids);
    await lanes.drain();
    expect(await sendNotifications(db, mailer, ids, { baseUrl: "http://x" })).toEqual({
      sent: 0,
      failed: [],
      errors: 0,
    });

    const got = sink.deliveries
      .slice(before)
      .map((d) => d.messageId)
      .sort();
    expect(got).toEqual(ids.map(notificationMessageId).sort());
    const rows = await db
      .select({
        state: notifications.state,
        attempts: notifications.attempts,
        messageId: notifications.messageId,
        id: notifications.id,
      })
      .from(notifications)
      .where(inArray(notifications.caseId, caseIds));
    expect(rows.map((r) => [r.state, r.attempts, r.messageId])).toEqual(
      rows.map((r) => ["sent", 1, notificationMessageId(r.id)]),
    );
  });
});

describe("a burst's later fire-timer jobs", () => {
  it("end without a query when this process fired their timer, and ask the database otherwise", async () => {
    const { timerIds } = await dueTimers(3);
    const ctx = { ...jobContext, firedTimers: createFiredTimers() };
    const first = await fireTimerJob(ctx, { timerId: timerIds[0]! });
    expect(first.fired).toBeGreaterThanOrEqual(3);
    expect(timerIds.every((id) => ctx.firedTimers.has(id))).toBe(true);

    // A probe the product never does: the timer put back to pending by hand. Its job leaves it
    // alone, so it did not read the database...
    await db
      .update(timers)
      .set({ status: "pending", firedAt: null })
      .where(eq(timers.id, timerIds[1]!));
    expect(await fireTimerJob(ctx, { timerId: timerIds[1]! })).toEqual({ fired: 0, sending: 0 });
    // ...where a process that did not fire it reads the database and finds it due.
    const elsewhere = await fireTimerJob(
      { ...ctx, firedTimers: createFiredTimers() },
      { timerId: timerIds[1]! },
    );
    expect(elsewhere.fired).toBe(1);
  });
});
