import type { AddressInfo } from "node:net";

import { fireTimer, outboxAlertAfterSeconds } from "@caseward/core";
import { createJobProducer } from "@caseward/core/jobs";
import { createMailer } from "@caseward/core/mail";
import "@caseward/core/testing";
import { eq } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { notifications, timers } from "@caseward/db/schema";
import { startSmtpSink } from "@caseward/services/smtp-sink";
import { createTestDatabase } from "@caseward/services/test-database";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, describe, expect, inject, it } from "vitest";

import "@caseward/services/vitest-context";

import { fireTimerJob } from "./jobs/fire-timer";
import { startHealthServer } from "./health";
import { createWorkerMetrics } from "./metrics";
import { sendNowRetryLater } from "./send-lanes";
import { caseWaitingOnCompany } from "./testing/case-waiting-on-company";

// A database of this file's own: the outbox's oldest due email is counted over every user.
const testDatabase = await createTestDatabase(inject("databaseServerUrl"), "caseward_health");
const database = createDatabase(testDatabase.url, { max: 4 });
const db = database.db;
const up = new Redis(inject("redisUrl"), { lazyConnect: true, maxRetriesPerRequest: null });
// Nothing listens on port 1: a Redis that is down.
const down = new Redis("redis://127.0.0.1:1", {
  lazyConnect: true,
  maxRetriesPerRequest: 0,
  retryStrategy: () => null,
});
down.on("error", () => undefined);
const prefix = `${inject("queuePrefix")}health`;
const producer = createJobProducer(up, prefix);
const downProducer = createJobProducer(down, prefix);
const smtp = await startSmtpSink();

afterAll(async () => {
  await producer.close();
  await downProducer.close().catch(() => undefined);
  await smtp.stop();
  up.disconnect();
  down.disconnect();
  await database.close();
  await testDatabase.drop();
});

async function get(server: ReturnType<typeof startHealthServer>, path: string) {
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  const body = await response.text();
  server.close();
  return { status: response.status, body };
}

async function healthOf(redis: Redis) {
  const queueDepths = redis === up ? producer.depths : downProducer.depths;
  const { status, body } = await get(startHealthServer(0, { db, redis, queueDepths }), "/health");
  return { status, body: JSON.parse(body) as unknown };
}

describe("worker /health", () => {
  it("answers 200 when Postgres and Redis answer, with the queues' depths and no email owed", async () => {
    await producer.enqueue("fire-timer", { timerId: crypto.randomUUID() }, { delay: 60_000 });
    expect(await healthOf(up)).toMatchObject({
      status: 200,
      body: {
        status: "ok",
        alert: false,
        postgres: { ok: true },
        redis: { ok: true },
        queues: { timers: { delayed: 1, waiting: 0 }, email: { waiting: 0 } },
        outbox: { oldestDueSeconds: null, alert: false },
      },
    });
  });

  it("answers 503 and names Redis when Redis is down", async () => {
    expect(await healthOf(down)).toMatchObject({
      status: 503,
      body: { status: "degraded", postgres: { ok: true }, redis: { ok: false }, queues: null },
    });
  });

  it("shows the age of the oldest due unsent email, and alerts past five minutes", async () => {
    const { caseId } = await caseWaitingOnCompany(db);
    const [timer] = await db.select().from(timers).where(eq(timers.caseId, caseId));
    const [owed] = (await fireTimer(db, timer!.id)).notifications;
    // Due two minutes ago: not late enough to alert.
    await db
      .update(notifications)
      .set({ sendAfter: new Date(Date.now() - 120_000) })
      .where(eq(notifications.id, owed!.id));
    const first = (await healthOf(up)).body as { outbox: { oldestDueSeconds: number } };
    expect(first).toMatchObject({ status: "ok", alert: false, outbox: { alert: false } });
    expect(first.outbox.oldestDueSeconds).toBeGreaterThanOrEqual(120);
    expect(first.outbox.oldestDueSeconds).toBeLessThan(130);
    // Due ten minutes ago: an alert, still 200 (everything answers).
    await db
      .update(notifications)
      .set({ sendAfter: new Date(Date.now() - 600_000) })
      .where(eq(notifications.id, owed!.id));
    const late = await healthOf(up);
    expect(late).toMatchObject({
      status: 200,
      body: { status: "ok", alert: true, outbox: { alert: true } },
    });
    const age = (late.body as { outbox: { oldestDueSeconds: number } }).outbox.oldestDueSeconds;
    expect(age).toBeGreaterThan(outboxAlertAfterSeconds);
    expect(age).toBeLessThan(610);
    // Nothing personal: no address, name or case title in the answer.
    expect(JSON.stringify(late.body)).not.toMatch(/@|Maya|Internet outage|Rogers/);
    // Sent: nothing owed any more.
    await db.update(notifications).set({ state: "sent" }).where(eq(notifications.id, owed!.id));
    expect(await healthOf(up)).toMatchObject({
      body: { alert: false, outbox: { oldestDueSeconds: null } },
    });
  });
});

describe("worker /metrics", () => {
  it("counts emails sent and failed, the timers' lateness and the queues' jobs", async () => {
    const { registry, metrics } = createWorkerMetrics(producer.depths);
    const ctx = {
      db,
      mailer: createMailer({
        from: "Caseward <no-reply@caseward.local>",
        smtpUrl: smtp.url,
        mailboxDir: "/nonexistent",
      }),
      enqueue: producer.enqueue,
      baseUrl: "http://localhost:3999",
      logger: pino({ level: "silent" }),
      metrics,
    };
    // Three cases due: their timers fired by the job (one batch), their emails sent.
    const cases = await Promise.all([1, 2, 3].map(() => caseWaitingOnCompany(db)));
    const [first] = await db.select().from(timers).where(eq(timers.caseId, cases[0]!.caseId));
    await fireTimerJob(ctx, { timerId: first!.id });
    expect(smtp.deliveries.filter((d) => cases.some((c) => c.caseId === d.caseId))).toHaveLength(3);
    // A send to a server that is gone fails.
    const broken = await caseWaitingOnCompany(db);
    const [timer] = await db.select().from(timers).where(eq(timers.caseId, broken.caseId));
    const [owed] = (await fireTimer(db, timer!.id)).notifications;
    const deadMailer = createMailer({
      from: "Caseward <no-reply@caseward.local>",
      smtpUrl: "smtp://127.0.0.1:1",
      mailboxDir: "/nonexistent",
    });
    await sendNowRetryLater({ ...ctx, mailer: deadMailer }, [owed!.id]);
    deadMailer.close();
    ctx.mailer.close();

    const { status, body } = await get(
      startHealthServer(0, { db, redis: up, metrics: registry }),
      "/metrics",
    );
    expect(status).toBe(200);
    expect(body).toMatch(/^caseward_emails_sent_total 3$/m);
    expect(body).toMatch(/^caseward_emails_failed_total 1$/m);
    // Three weeks late each: in no bucket below an hour, all three counted.
    expect(body).toMatch(/^caseward_timer_lateness_seconds_count 3$/m);
    expect(body).toMatch(/^caseward_timer_lateness_seconds_bucket\{le="3600"\} 0$/m);
    // The failed email's retry waits in the email queue; the first test's timer job is delayed.
    expect(body).toMatch(/^caseward_queue_jobs\{queue="email",state="delayed"\} 1$/m);
    expect(body).toMatch(/^caseward_queue_jobs\{queue="timers",state="delayed"\} 1$/m);
  });
});
