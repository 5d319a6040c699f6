import {
  abandonCase,
  countHeldNotifications,
  createCompany,
  fireTimer,
  getCase,
  logContact,
  openCase,
  releaseHeldNotifications,
  resolveCase,
} from "@caseward/core";
import { createJobProducer, queues, scheduleTimers } from "@caseward/core/jobs";
import { createMailer } from "@caseward/core/mail";
import { createTestUser } from "@caseward/core/testing";
import { eq } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { cases, notifications, timers, users } from "@caseward/db/schema";
import { startSmtpSink } from "@caseward/services/smtp-sink";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { JobContext } from "./context";
import { reconcileJob } from "./jobs/reconcile";
import { caseWaitingOnCompany } from "./testing/case-waiting-on-company";
import { startEmailWorker } from "./queues/email";
import { startTimerWorker } from "./queues/timers";

// Real Postgres, real Redis, a real SMTP server in-process, and the worker's own queues.

const smtp = await startSmtpSink();
const received = smtp.mails;

const database = createDatabase(inject("databaseUrl"), { max: 6 });
const db = database.db;
const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
const prefix = `${inject("queuePrefix")}esc`;
const producer = createJobProducer(redis.duplicate(), prefix);
const mailer = createMailer({
  from: "Caseward <no-reply@caseward.local>",
  smtpUrl: smtp.url,
  mailboxDir: "/nonexistent",
});
const ctx: JobContext = {
  db,
  mailer,
  enqueue: producer.enqueue,
  baseUrl: "http://localhost:3999",
  logger: pino({ level: "silent" }),
};
const options = { prefix, concurrency: 8 };
const workers: { close: () => Promise<void> }[] = [];

beforeAll(async () => {
  workers.push(startEmailWorker(ctx, redis, options));
  workers.push(await startTimerWorker(ctx, redis, options));
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await producer.close();
  mailer.close();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await database.close();
  await smtp.stop();
});

const schedule = (list: { id: string; dueAt: Date }[]) =>
  scheduleTimers(producer.enqueue, list).then(() => undefined);

async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
}

/** Toronto's wall clock `offsetHours` from now ("21:05"), for quiet hours around now. */
const hhmm = (offsetHours: number) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: "America/Toronto",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(Date.now() + offsetHours * 3600_000));

/** The quiet hours end: a deferred email's delayed job comes due (promoted, not waited for). */
async function quietHoursEnd(notificationId: string) {
  await db
    .update(notifications)
    .set({ sendAfter: new Date() })
    .where(eq(notifications.id, notificationId));
  const queue = new Queue(queues.email, { connection: redis.duplicate(), prefix });
  const job = await waitFor(
    async () => (await queue.getJob(`notification-${notificationId}`)) ?? undefined,
  );
  await job.promote();
  await queue.close();
  return job;
}

const mailsFor = (caseId: string) =>
  received.filter((m) => (m.text ?? "").includes(`/cases/${caseId}`));

describe("escalation through the worker", () => {
  it("a due response window sends exactly one email naming the next verified channel", async () => {
    const { caseId } = await caseWaitingOnCompany(db, { schedule });
    const [mail] = await waitFor(() =>
      mailsFor(caseId).length > 0 ? mailsFor(caseId) : undefined,
    );
    expect(mail!.subject).toContain("Rogers");
    // Written as people in the user's country (Canada, the default) write it.
    expect(mail!.text).toContain("1-888-764-3771");
    expect(mail!.text).toContain("Found on the back of your card");
    const [row] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
    expect(row!.status).toBe("escalation_due");
    await new Promise((r) => setTimeout(r, 1_500));
    expect(mailsFor(caseId)).toHaveLength(1);
    const [sent] = await db.select().from(notifications).where(eq(notifications.caseId, caseId));
    expect(sent).toMatchObject({ state: "sent", attempts: 1, kind: "escalation" });
  });

  it("an inbound contact satisfies the window: nothing fires", async () => {
    const user = await createTestUser(db);
    const company = await createCompany(db, user.id, { name: "Bell", website: "bell.ca" });
    const opened = await openCase(db, user.id, {
      companyId: company.id,
      title: "Billing error on invoice",
    });
    await logContact(db, user.id, {
      caseId: opened.id,
      channelKind: "email",
      startedAt: new Date(),
    });
    const [pending] = await db.select().from(timers).where(eq(timers.caseId, opened.id));
    expect(pending).toMatchObject({ kind: "response_window", status: "pending" });
    await logContact(db, user.id, {
      caseId: opened.id,
      channelKind: "email",
      direction: "inbound",
      startedAt: new Date(),
    });
    const later = new Date(Date.now() + 30 * 86400_000);
    expect((await fireTimer(db, pending!.id, later)).fired).toBe(false);
    const [after] = await db.select().from(timers).where(eq(timers.id, pending!.id));
    expect(after!.status).toBe("satisfied");
  });

  it("quiet hours defer the email, and it goes out when they end", async () => {
    // Quiet from an hour ago to an hour from now, in Toronto.
    const { caseId } = await caseWaitingOnCompany(db, { schedule, quiet: [hhmm(-1), hhmm(1)] });
    const deferred = await waitFor(async () => {
      const [row] = await db.select().from(notifications).where(eq(notifications.caseId, caseId));
      return row;
    });
    expect(deferred.state).toBe("pending");
    expect(deferred.sendAfter.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(mailsFor(caseId)).toHaveLength(0);
    await quietHoursEnd(deferred.id);
    await waitFor(() => (mailsFor(caseId).length > 0 ? true : undefined));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(mailsFor(caseId)).toHaveLength(1);
  });

  it("with a second worker on the same queues, each of 20 escalations is sent once", async () => {
    const second = createMailer({
      from: "Caseward <no-reply@caseward.local>",
      smtpUrl: smtp.url,
      mailboxDir: "/nonexistent",
    });
    const connection = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
    const other = { ...ctx, mailer: second };
    const extra = [
      startEmailWorker(other, connection, options),
      await startTimerWorker(other, connection, options),
    ];
    const ids = await Promise.all(
      Array.from({ length: 20 }, () =>
        caseWaitingOnCompany(db, { schedule }).then((c) => c.caseId),
      ),
    );
    await waitFor(() => (ids.every((id) => mailsFor(id).length > 0) ? true : undefined), 30_000);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(ids.map((id) => mailsFor(id).length)).toEqual(ids.map(() => 1));
    await Promise.all(extra.map((w) => w.close()));
    second.close();
    await connection.quit();
  });

  it("after Redis lost every job, the reconciler brings the deadlines back and each is sent once", async () => {
    const ids = await Promise.all(
      Array.from({ length: 5 }, () => caseWaitingOnCompany(db).then((c) => c.caseId)),
    );
    // As after FLUSHALL: no job exists for these timers.
    await new Promise((r) => setTimeout(r, 500));
    expect(ids.map((id) => mailsFor(id).length)).toEqual([0, 0, 0, 0, 0]);
    await reconcileJob(ctx);
    await waitFor(() => (ids.every((id) => mailsFor(id).length > 0) ? true : undefined));
    await reconcileJob(ctx); // a second pass adds nothing
    await new Promise((r) => setTimeout(r, 1_000));
    expect(ids.map((id) => mailsFor(id).length)).toEqual([1, 1, 1, 1, 1]);
  });

  it(
    "with the SMTP server down, emails wait and retry, then are delivered once",
    { timeout: 90_000 },
    async () => {
      await smtp.stop();
      const { caseId } = await caseWaitingOnCompany(db, { schedule });
      const failing = await waitFor(async () => {
        const [row] = await db.select().from(notifications).where(eq(notifications.caseId, caseId));
        return row && row.attempts > 0 && row.lastError ? row : undefined;
      });
      expect(failing.state).toBe("pending");
      await smtp.start();
      await waitFor(() => (mailsFor(caseId).length > 0 ? true : undefined), 70_000);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(mailsFor(caseId)).toHaveLength(1);
      const [sent] = await db.select().from(notifications).where(eq(notifications.caseId, caseId));
      expect(sent!.state).toBe("sent");
      expect(sent!.attempts).toBeGreaterThan(1);
    },
  );
});

describe("a case closed before its deadline", () => {
  it("a timer cancelled by resolving the case does not fire when its job runs, and no email goes", async () => {
    // The window is due, its job not yet run (as when Redis was slow, or the worker away).
    const { user, caseId } = await caseWaitingOnCompany(db);
    const [timer] = await db.select().from(timers).where(eq(timers.caseId, caseId));
    await resolveCase(db, user.id, { caseId, closingNote: "They called back and fixed it" });
    await schedule([{ id: timer!.id, dueAt: timer!.dueAt }]);
    const queue = new Queue(queues.timers, { connection: redis.duplicate(), prefix });
    const job = await waitFor(
      async () => (await queue.getJob(`timer-${timer!.id}-${timer!.dueAt.getTime()}`)) ?? undefined,
    );
    await waitFor(async () => ((await job.isCompleted()) ? true : undefined));
    await queue.close();
    await new Promise((r) => setTimeout(r, 1_000));
    const [after] = await db.select().from(timers).where(eq(timers.id, timer!.id));
    expect(after).toMatchObject({ status: "cancelled", firedAt: null });
    const [row] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
    expect(row!.status).toBe("resolved");
    expect(await db.select().from(notifications).where(eq(notifications.caseId, caseId))).toEqual(
      [],
    );
    expect(mailsFor(caseId)).toHaveLength(0);
  });

  it("an email deferred by quiet hours and cancelled by giving up is never sent when its job comes due", async () => {
    const { user, caseId } = await caseWaitingOnCompany(db, {
      schedule,
      quiet: [hhmm(-1), hhmm(1)],
    });
    const deferred = await waitFor(async () => {
      const [row] = await db.select().from(notifications).where(eq(notifications.caseId, caseId));
      return row;
    });
    expect(deferred.state).toBe("pending");
    await abandonCase(db, user.id, { caseId, closingNote: "Moved to another provider" });
    const job = await quietHoursEnd(deferred.id);
    await waitFor(async () => ((await job.isCompleted()) ? true : undefined));
    const [after] = await db.select().from(notifications).where(eq(notifications.id, deferred.id));
    expect(after).toMatchObject({ state: "cancelled", attempts: 0, sentAt: null });
    expect(mailsFor(caseId)).toHaveLength(0);
  });
});

describe("emails go only to a confirmed address", () => {
  it("holds an unconfirmed user's escalation, shows it held, and sends it once the address is confirmed", async () => {
    const { user, caseId } = await caseWaitingOnCompany(db, { schedule, emailVerified: false });
    const held = await waitFor(async () => {
      const [row] = await db.select().from(notifications).where(eq(notifications.caseId, caseId));
      return row?.state === "held" ? row : undefined;
    });
    expect(held).toMatchObject({ kind: "escalation", state: "held", attempts: 1 });
    expect(await countHeldNotifications(db, user.id)).toBe(1);
    expect((await getCase(db, user.id, caseId)).notifications.map((n) => n.state)).toEqual([
      "held",
    ]);
    // The reconciler leaves a held email alone: nothing goes out while it waits.
    await reconcileJob(ctx);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(mailsFor(caseId)).toHaveLength(0);

    // What the web does when the address is confirmed (auth.ts onEmailVerified).
    await db.update(users).set({ emailVerified: true }).where(eq(users.id, user.id));
    const released = await releaseHeldNotifications(db, user.id);
    expect(released.map((n) => n.id)).toEqual([held.id]);
    await producer.enqueue(
      "send-notification",
      { notificationId: held.id },
      { jobId: `notification-${held.id}-released` },
    );
    const [mail] = await waitFor(() =>
      mailsFor(caseId).length > 0 ? mailsFor(caseId) : undefined,
    );
    expect(mail!.to).toMatchObject({ text: user.email });
    // The stamp is written once the server has accepted the email: a moment after it arrived.
    const sent = await waitFor(async () => {
      const [row] = await db.select().from(notifications).where(eq(notifications.id, held.id));
      return row?.state === "sending" ? undefined : row;
    });
    expect(sent).toMatchObject({ state: "sent", attempts: 2 });
    expect(await countHeldNotifications(db, user.id)).toBe(0);
  });

  it("cancels held digests on confirmation (the next digest says it all) and keeps others", async () => {
    const user = await createTestUser(db, "Digest Reader", { emailVerified: false });
    await db.insert(notifications).values([
      {
        ownerId: user.id,
        kind: "daily_digest",
        dedupeKey: `held-digest-${user.id}`,
        sendAfter: new Date(),
        state: "held",
      },
    ]);
    expect(await releaseHeldNotifications(db, user.id)).toEqual([]);
    const rows = await db.select().from(notifications).where(eq(notifications.ownerId, user.id));
    expect(rows.map((r) => r.state)).toEqual(["cancelled"]);
  });
});
