// The timer part of `pnpm bench`: a burst of N response windows all due at the same instant,
// fired by TWO real worker processes (`node --import tsx src/index.ts`, as production runs them) that send
// through a real SMTP server in this process. Measured per timer: email received − due time.
// Beside it, a bare BullMQ worker doing nothing on as many jobs: the queue's floor.
import { randomBytes } from "node:crypto";

import { composeNotifications } from "@caseward/core";
import { createJobProducer, queues, scheduleTimers } from "@caseward/core/jobs";
import { mailerConnections } from "@caseward/core/mail";
import type { Database } from "@caseward/db";
import { eq, notInArray, sql } from "@caseward/db";
import { notifications, timers } from "@caseward/db/schema";
import { startFaultStack } from "@caseward/services/fault-stack";
import { waitFor } from "@caseward/services/wait-for";
import type { WorkerProcess } from "@caseward/services/worker-process";
import { stopWorker } from "@caseward/services/worker-process";
import { SingleBar } from "cli-progress";

import { treeCpuMs } from "./api";
import { cumulative } from "./chart";
import { nodemailerBaseline, noopBaseline } from "./timers-baseline";
import { summariseProfiles } from "./timers-profile";
import { seedDueTimers } from "./timers-seed";

export interface TimersSummary {
  count: number;
  firedPerSecond: number;
  baselineNoopJobsPerSecond: number;
  /** The same emails sent to the same sink by a bare nodemailer client (the email floor). */
  baselineEmailsPerSecond: number;
  /** Emails of the burst received per second, from the due time to the last one. */
  emailsPerSecond: number;
  latenessP50Ms: number;
  latenessP99Ms: number;
  duplicateEmails: number;
  lostEmails: number;
  /** CPU of both worker processes over the burst, per email received (ms). */
  workerCpuMsPerEmail?: number;
  /** CPU of the bench process (mostly the SMTP sink) over the burst, per email (ms). */
  sinkCpuMsPerEmail?: number;
  /** CPU of the bench process while the email floor ran (its client and the sink), per email. */
  floorCpuMsPerEmail?: number;
}

export interface TimersOptions {
  count: number;
  serverUrl: string;
  redisUrl: string;
  workers?: number;
  concurrency?: number;
  /** Write V8 CPU profiles of the worker processes here and print where their time went. */
  profileDir?: string;
}

const workersDefault = 2;
const concurrencyDefault = 10;
/** Timers fired one at a time before the burst. */
const loneTimers = 6;
/** No new email for this long: the rest is lost. */
const stallMs = 30_000;

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Nearest rank: every figure is a real sample. */
function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export async function benchTimers(options: TimersOptions) {
  const { count } = options;
  const workerCount = options.workers ?? workersDefault;
  const concurrency = options.concurrency ?? concurrencyDefault;
  const stack = await startFaultStack({
    database: "caseward_bench_timers",
    serverUrl: options.serverUrl,
    redisUrl: options.redisUrl,
    queuePrefix: `cwbench${randomBytes(4).toString("hex")}`,
    queueNames: Object.values(queues),
    // Tens of thousands of emails: their Message-IDs are all the bench reads.
    smtp: { headersOnly: true },
  });
  const { db, redis, prefix, smtp: sink } = stack;
  const workers: WorkerProcess[] = [];
  const onSignal = () => void stack.stop().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    console.log(
      `\nTimers: ${count.toLocaleString("en")} due at once, ${workerCount} worker processes × ` +
        `concurrency ${concurrency}, database ${stack.databaseName}, queue prefix ${prefix}`,
    );
    // Far off while the workers start: their reconciler (run at start) must not see them yet.
    const seeded = await seedDueTimers(
      db,
      count + loneTimers,
      new Date(Date.now() + 30 * 86400_000),
    );
    const loneIds = seeded.timerIds.slice(0, loneTimers);
    const burstIds = seeded.timerIds.slice(loneTimers);

    const startedAt = performance.now();
    for (let i = 0; i < workerCount; i++) {
      workers.push(
        stack.startWorker(`worker-${i + 1}`, {
          concurrency,
          nodeArgs: options.profileDir
            ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`]
            : undefined,
        }),
      );
    }
    await stack.waitForWorkers(workerCount);
    const workersReadyMs = performance.now() - startedAt;
    const producer = createJobProducer(redis, prefix);

    // Timers alone first, one after the other: due → email with idle workers. The first ones
    // meet cold processes (first render, first SMTP connection); the later ones show the floor.
    const lone: { receivedMs: number; fireJobStartedMs: number; emailClaimedMs: number }[] = [];
    for (const id of loneIds) {
      const due = new Date(Date.now() + 500);
      const before = sink.deliveries.length;
      await db.update(timers).set({ dueAt: due }).where(eq(timers.id, id));
      await scheduleTimers(producer.enqueue, [{ id, dueAt: due }]);
      const email = await waitFor(() => sink.deliveries[before], 30_000, "a lone timer's email");
      // Where its time went: fire-timer job started (firedAt), email job claimed, SMTP accepted.
      const [row] = await db
        .select({ firedAt: timers.firedAt, claimedAt: notifications.lastAttemptAt })
        .from(timers)
        .innerJoin(notifications, eq(notifications.timerId, timers.id))
        .where(eq(timers.id, id));
      lone.push({
        receivedMs: email.at - due.getTime(),
        fireJobStartedMs: row!.firedAt!.getTime() - due.getTime(),
        emailClaimedMs: row!.claimedAt!.getTime() - due.getTime(),
      });
    }
    const warm = lone.slice(2);
    const warmMedian = (key: keyof (typeof lone)[number]) =>
      percentile(
        warm.map((l) => l[key]).sort((a, b) => a - b),
        0.5,
      );
    await new Promise((r) => setTimeout(r, 500));
    sink.deliveries.splice(0);

    // All due at one instant, a little after every delayed job is queued: BullMQ promotes
    // them at the due time, as it would deadlines scheduled days ago.
    const before = { transactions: await transactions(db), connections: sink.connections };
    // The workers' own CPU over the burst (unlike rates, hardly moved by other load), and this
    // process's (the SMTP sink's share) beside it.
    const workersCpu = async () =>
      (await Promise.all(workers.map((worker) => treeCpuMs(worker.pid)))).reduce(
        (a, b) => a + b,
        0,
      );
    // This process's share starts once the burst is queued (the sink's work, not the setup's).
    const cpuBefore = { workers: await workersCpu(), bench: process.cpuUsage() };
    const dueAt = new Date(Date.now() + 2_000 + count * 0.4);
    await db.update(timers).set({ dueAt }).where(eq(timers.status, "pending"));
    await scheduleTimers(
      producer.enqueue,
      burstIds.map((id) => ({ id, dueAt })),
    );
    cpuBefore.bench = process.cpuUsage();
    const enqueuedBeforeDueMs = dueAt.getTime() - Date.now();
    if (enqueuedBeforeDueMs < 0) {
      console.warn(`Enqueueing ended ${-enqueuedBeforeDueMs} ms after the due time.`);
    }

    // Until every timer's email came, or none came for `stallMs`.
    const bar = new SingleBar({
      format: "Emails received {bar} {percentage}% | {value}/{total} | {rate}/s",
      hideCursor: true,
      clearOnComplete: false,
    });
    bar.start(count, 0, { rate: 0 });
    const distinct = () => new Set(sink.deliveries.map((d) => d.messageId)).size;
    let lastCount = 0;
    let lastChange = Math.max(Date.now(), dueAt.getTime());
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const got = distinct();
      if (got !== lastCount) {
        lastCount = got;
        lastChange = Date.now();
      }
      const elapsed = Math.max(1, Date.now() - dueAt.getTime()) / 1000;
      bar.update(got, { rate: round(got / elapsed) });
      if (got >= count || Date.now() - lastChange > stallMs) break;
    }
    bar.stop();
    const burstCpu = {
      workersMs: (await workersCpu()) - cpuBefore.workers,
      benchMs: cpuMs(process.cpuUsage(cpuBefore.bench)),
    };
    // A duplicate would come now if at all.
    await new Promise((r) => setTimeout(r, 2_000));
    await producer.close();
    const exits = await Promise.all(workers.map((worker) => stopWorker(worker)));
    for (const [i, exit] of exits.entries()) {
      if (exit.code !== 0) {
        console.warn(
          `worker-${i + 1} exited ${exit.code ?? exit.signal}:\n${workers[i]!.output()}`,
        );
      }
    }

    // The statistics collector flushes about once a second.
    await new Promise((r) => setTimeout(r, 1_500));
    const transactionsPerTimer = round(((await transactions(db)) - before.transactions) / count);
    const smtpConnections = sink.connections - before.connections;
    const figures = await measure(db, sink.deliveries, dueAt, count, loneIds);

    console.log(`Baseline: ${count.toLocaleString("en")} no-op jobs, one bare BullMQ worker…`);
    const baseline = await noopBaseline(redis, prefix, count, workerCount * concurrency);
    console.log(`Baseline: the same emails, one bare nodemailer client…`);
    const emails = (
      await composeNotifications(
        db,
        await db.select().from(notifications).where(notInArray(notifications.timerId, loneIds)),
        "http://localhost:3999",
      )
    ).filter((email) => email !== null);
    const floorCpuBefore = process.cpuUsage();
    const emailFloor = await nodemailerBaseline(sink.url, emails, workerCount * mailerConnections);
    // The floor's client and the sink share this process: its CPU per email is both.
    const floorCpuMs = cpuMs(process.cpuUsage(floorCpuBefore));
    const received = Math.max(1, count - figures.lostEmails);
    const cpuPerEmail = {
      workerCpuMsPerEmail: round(burstCpu.workersMs / received, 2),
      sinkCpuMsPerEmail: round(burstCpu.benchMs / received, 2),
      floorCpuMsPerEmail: round(floorCpuMs / emailFloor.count, 2),
    };

    const summary: TimersSummary = {
      count,
      firedPerSecond: figures.firedPerSecond,
      baselineNoopJobsPerSecond: round(baseline.jobsPerSecond),
      baselineEmailsPerSecond: round(emailFloor.emailsPerSecond),
      emailsPerSecond: figures.emailsPerSecond,
      latenessP50Ms: figures.latenessP50Ms,
      latenessP99Ms: figures.latenessP99Ms,
      duplicateEmails: figures.duplicateEmails,
      lostEmails: figures.lostEmails,
      ...cpuPerEmail,
    };
    console.log(
      `\nTimers: ${count.toLocaleString("en")} due at one instant, ${workerCount} worker processes × concurrency ${concurrency}:`,
    );
    console.table({
      "emails per timer (must be 1.00)": { value: figures.emailsPerTimer.toFixed(2) },
      "duplicate emails (same notification twice)": { value: figures.duplicateEmails },
      "lost emails (none within the timeout)": { value: figures.lostEmails },
      "timers fired per second": { value: figures.firedPerSecond },
      "emails per second": { value: figures.emailsPerSecond },
      "lateness p50 (due → email received, ms)": { value: figures.latenessP50Ms },
      "lateness p99 (ms)": { value: figures.latenessP99Ms },
      "lateness max (ms)": { value: figures.latenessMaxMs },
      "first email (ms after due)": { value: figures.firstEmailMs },
      "a lone timer, cold workers: due → email (ms)": { value: lone[0]!.receivedMs },
      [`a lone timer, warm (median of ${warm.length}): due → email (ms)`]: {
        value: warmMedian("receivedMs"),
      },
      "  … due → its fire-timer job ran (ms)": { value: warmMedian("fireJobStartedMs") },
      "  … due → its email claimed (ms)": { value: warmMedian("emailClaimedMs") },
      "last timer fired (ms after due)": { value: figures.lastFiredMs },
      "fire transactions (batches) for the burst": { value: figures.fireBatches.length },
      "SMTP accept → 'sent' stamp p50 (ms)": { value: figures.sentGapP50Ms },
      "SMTP accept → 'sent' stamp p99 (ms)": { value: figures.sentGapP99Ms },
      [`baseline: no-op jobs per second (1 bare worker × ${workerCount * concurrency})`]: {
        value: summary.baselineNoopJobsPerSecond,
      },
      [`baseline: the same ${emailFloor.count} emails per second (bare nodemailer, ${workerCount * mailerConnections} connections)`]:
        { value: summary.baselineEmailsPerSecond },
      "emails per second ÷ the email floor": {
        value: round(figures.emailsPerSecond / emailFloor.emailsPerSecond, 2),
      },
      "workers' CPU per email in the burst (ms, both processes)": {
        value: cpuPerEmail.workerCpuMsPerEmail,
      },
      "bench process CPU per email in the burst (the sink, ms)": {
        value: cpuPerEmail.sinkCpuMsPerEmail,
      },
      "email floor: CPU per email (client and sink, ms)": {
        value: cpuPerEmail.floorCpuMsPerEmail,
      },
      "Postgres transactions per timer (fire + send)": { value: transactionsPerTimer },
      "SMTP connections opened for the burst": { value: smtpConnections },
      "workers ready (ms after spawn)": { value: Math.round(workersReadyMs) },
      "delayed jobs queued (ms before due)": { value: enqueuedBeforeDueMs },
    });

    let profile: Awaited<ReturnType<typeof summariseProfiles>> | undefined;
    if (options.profileDir) {
      // The burst and the stop after it: from the due time to the workers' exit.
      const burstMs = Math.max(...exits.map((exit) => exit.at)) - dueAt.getTime();
      profile = await summariseProfiles(options.profileDir, burstMs);
      console.log(
        `\nWhere the workers' CPU went in the burst's last ${burstMs} ms (${options.profileDir}):`,
      );
      console.table(profile.byArea);
      console.table(profile.topFunctions);
    }

    return {
      summary,
      details: {
        ...figures,
        workers: workerCount,
        concurrency,
        workersReadyMs: Math.round(workersReadyMs),
        lone,
        transactionsPerTimer,
        smtpConnections,
        enqueuedBeforeDueMs,
        baseline: { ...baseline, ms: Math.round(baseline.ms) },
        emailFloor: { ...emailFloor, ms: Math.round(emailFloor.ms) },
        rows: seeded.rows,
        profile,
      },
    };
  } catch (error) {
    for (const worker of workers) console.error(`${worker.name}:\n${worker.output()}`);
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await stack.stop();
  }
}

/** Commits and rollbacks of the database so far (each autocommit statement is one). */
async function transactions(db: Database) {
  const [row] = await db.execute<{ n: string }>(
    sql`select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`,
  );
  return Number(row!.n);
}

/** The notification id inside a Message-ID of `notificationMessageId`, or null. */
function notificationIdOf(messageId: string) {
  return /^<notification-([0-9a-f-]{36})@caseward\.local>$/.exec(messageId)?.[1] ?? null;
}

/** Per timer: its notification, the emails with that notification's Message-ID, when. */
async function measure(
  db: Database,
  deliveries: { messageId: string; at: number }[],
  dueAt: Date,
  count: number,
  loneIds: string[],
) {
  const rows = await db
    .select({
      timerId: timers.id,
      firedAt: timers.firedAt,
      notificationId: notifications.id,
      sentAt: notifications.sentAt,
      attempts: notifications.attempts,
    })
    .from(timers)
    .leftJoin(notifications, eq(notifications.timerId, timers.id))
    .where(notInArray(timers.id, loneIds));
  const received = new Map<string, number[]>();
  let foreign = 0;
  for (const delivery of deliveries) {
    const id = notificationIdOf(delivery.messageId);
    if (!id) {
      foreign++;
      continue;
    }
    received.set(id, [...(received.get(id) ?? []), delivery.at]);
  }
  const due = dueAt.getTime();
  const lateness: number[] = [];
  const sentGaps: number[] = [];
  let lost = 0;
  let duplicates = foreign;
  for (const row of rows) {
    const times = row.notificationId ? received.get(row.notificationId) : undefined;
    if (!times) {
      lost++;
      continue;
    }
    const first = Math.min(...times);
    lateness.push(first - due);
    duplicates += times.length - 1;
    if (row.sentAt) sentGaps.push(row.sentAt.getTime() - first);
  }
  // More than one notification for a timer would be a duplicate too (the dedupe key forbids it).
  duplicates += rows.length - new Set(rows.map((row) => row.timerId)).size;
  lateness.sort((a, b) => a - b);
  sentGaps.sort((a, b) => a - b);
  const fired = rows.filter((row) => row.firedAt).map((row) => row.firedAt!.getTime());
  const lastFired = Math.max(...fired);
  // Timers fired together share their firing instant: how many batches, and when each began.
  const batches = new Map<number, number>();
  for (const at of fired) batches.set(at, (batches.get(at) ?? 0) + 1);
  const fireBatches = [...batches]
    .sort((a, b) => a[0] - b[0])
    .map(([at, timers]) => ({ msAfterDue: at - dueAt.getTime(), timers }));
  const lastEmail = lateness.at(-1) ?? NaN;
  const firedAfterDue = fired.map((at) => at - due).sort((a, b) => a - b);
  return {
    /** Timers fired and emails received so far, against ms after the due time (the chart). */
    curves: { fired: cumulative(firedAfterDue), received: cumulative(lateness) },
    emailsPerTimer: deliveries.length / count,
    duplicateEmails: duplicates,
    lostEmails: lost,
    fired: fired.length,
    firedPerSecond: round(fired.length / (Math.max(1, lastFired - due) / 1000)),
    emailsPerSecond: round(lateness.length / (Math.max(1, lastEmail) / 1000)),
    latenessP50Ms: percentile(lateness, 0.5),
    latenessP99Ms: percentile(lateness, 0.99),
    latenessMaxMs: lastEmail,
    firstEmailMs: lateness[0] ?? NaN,
    lastFiredMs: lastFired - due,
    fireBatches,
    sentGapP50Ms: percentile(sentGaps, 0.5),
    sentGapP99Ms: percentile(sentGaps, 0.99),
    attempts: Object.fromEntries(
      [...new Set(rows.map((row) => row.attempts ?? 0))]
        .sort((a, b) => a - b)
        .map((a) => [a, rows.filter((row) => (row.attempts ?? 0) === a).length]),
    ),
  };
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
