// Fault tests of the escalation engine with the REAL worker: two `tsx src/index.ts` processes on
// one real Redis and Postgres, sending to a real SMTP server in this process. One is killed
// (SIGKILL) or stopped (SIGTERM) in the middle of a burst of due timers; every escalation must
// still be delivered, under one Message-ID each.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { notificationMessageId, sendBatchSize, sendLeaseMs } from "@caseward/core";
import { createJobProducer, queues, scheduleTimers } from "@caseward/core/jobs";
import "@caseward/core/testing";
import { createDatabase } from "@caseward/db/client";
import { createTestDatabase } from "@caseward/db/test-database";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { outboxLanes } from "../outbox";
import * as bursts from "./burst";
import type { Delivery, SmtpSink, WorkerProcess } from "./harness";
import {
  deleteQueueKeys,
  spawnWorker,
  startSmtpSink,
  stopWorker,
  waitFor,
  waitForWorkers,
} from "./harness";

const burst = 200;
const termBurst = 1_000;
const concurrency = 10;

// The workers' reconciler looks at EVERY pending timer and unsent notification of its database.
// On the run's shared database it would fire other test files' timers and send their emails to
// this file's SMTP server (and theirs would take ours), so this file gets a database of its own
// on the same server, dropped at the end.
const runDatabase = new URL(inject("databaseUrl"));
runDatabase.pathname = "/postgres";
const testDatabase = await createTestDatabase(
  process.env.TEST_DATABASE_SERVER_URL ?? runDatabase.toString(),
  "caseward_faults",
);
const database = createDatabase(testDatabase.url, { max: 6 });
const db = database.db;
const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
const prefixes: string[] = [];
const spawned: WorkerProcess[] = [];
let smtp: SmtpSink;
let dataDir: string;

beforeAll(async () => {
  smtp = await startSmtpSink({ parseBodies: true });
  dataDir = await mkdtemp(join(tmpdir(), "caseward-faults-"));
});

afterAll(async () => {
  for (const worker of spawned) worker.kill("SIGKILL");
  await Promise.all(spawned.map((worker) => worker.exited));
  for (const prefix of prefixes) await deleteQueueKeys(redis, prefix);
  await redis.quit();
  await database.close();
  await testDatabase.drop();
  await smtp?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A queue prefix of this run's own, and a worker factory on it. */
function scenario(name: string) {
  const prefix = `${inject("queuePrefix")}${name}`;
  prefixes.push(prefix);
  const producer = createJobProducer(redis, prefix);
  const start = (label: string) => {
    const worker = spawnWorker(label, {
      databaseUrl: testDatabase.url,
      redisUrl: inject("redisUrl"),
      queuePrefix: prefix,
      smtpUrl: smtp.url,
      dataDir,
      concurrency,
    });
    spawned.push(worker);
    return worker;
  };
  return { prefix, producer, start };
}

const dueCases = (count: number) => bursts.dueCases(db, count);
const deliveriesOf = (caseIds: string[]) => bursts.deliveriesOf(caseIds, smtp.deliveries);
const allDelivered = (caseIds: string[]) => bursts.allDelivered(db, caseIds, smtp.deliveries);

/** Per case: emails received, and how many different Message-IDs they carried. */
function tally(caseIds: string[], deliveries: Delivery[]) {
  const byCase = new Map<string, Delivery[]>(caseIds.map((id) => [id, []]));
  for (const delivery of deliveries) byCase.get(delivery.caseId!)!.push(delivery);
  const perCase = [...byCase].map(([caseId, list]) => ({
    caseId,
    emails: list.length,
    firstAt: Math.min(...list.map((d) => d.at)),
    messageIds: new Set(list.map((d) => d.messageId)),
  }));
  return {
    perCase,
    lost: perCase.filter((c) => c.emails === 0).length,
    duplicates: perCase.filter((c) => c.emails > 1),
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

describe("the real worker under faults", () => {
  it(
    "SIGKILL of one of two workers mid-burst: every escalation is delivered, one Message-ID each",
    { timeout: 180_000 },
    async () => {
      const { prefix, producer, start } = scenario("kill");
      // Cases first: a worker's reconciler, run as it starts, would fire them one by one.
      const { caseIds, due } = await dueCases(burst);
      const first = start("worker-a");
      const second = start("worker-b");
      await waitForWorkers(redis, prefix, 2);

      const started = Date.now();
      await scheduleTimers(producer.enqueue, due);
      await waitFor(
        () => (deliveriesOf(caseIds).length >= 20 ? true : undefined),
        60_000,
        "the first 20 emails",
      );
      first.kill("SIGKILL");
      const killedAt = Date.now();
      const sentBeforeKill = deliveriesOf(caseIds).length;
      const killed = await first.exited;
      const replacement = start("worker-c");

      const rows = await waitFor(
        () => allDelivered(caseIds),
        // BullMQ finds the dead worker's jobs stalled after 30–60 s, and a claimed email
        // waits for its send lease (sendLeaseMs) to end before another worker may retry it.
        sendLeaseMs + 75_000,
        "every escalation sent",
        250,
      );
      const recoveredAt = Date.now();
      // A duplicate would come now if at all.
      await new Promise((r) => setTimeout(r, 1_500));
      const deliveries = deliveriesOf(caseIds);
      const { perCase, lost, duplicates } = tally(caseIds, deliveries);
      const rowOf = new Map(rows.map((row) => [row.caseId!, row]));
      // Claimed by the dead worker, retried by another once the lease ended.
      const retried = rows.filter((row) => row.attempts > 1);
      // The duplicate window of every email: accepted by SMTP → `sent` stamped by the worker.
      const gaps = perCase
        .filter((c) => c.emails === 1)
        .map((c) => rowOf.get(c.caseId)!.sentAt!.getTime() - c.firstAt)
        .sort((a, b) => a - b);
      const gapAt = (p: number) => gaps[Math.min(gaps.length - 1, Math.ceil(p * gaps.length) - 1)];

      console.warn(
        [
          `SIGKILL: ${burst} timers, ${sentBeforeKill} emails before the kill ` +
            `(${seconds(killedAt - started)} after the burst); all sent ` +
            `${seconds(recoveredAt - killedAt)} after the kill; ${retried.length} emails the ` +
            `dead worker had claimed were retried after the ${sendLeaseMs / 1000} s lease.`,
          `  raw deliveries ${deliveries.length} for ${burst} notifications: ` +
            `${duplicates.length} duplicate(s) with the SAME Message-ID (SMTP accepted, ` +
            `worker died before the 'sent' commit), lost ${lost}.`,
          ...duplicates.map(
            (c) =>
              `  duplicate: case ${c.caseId} ×${c.emails} ${[...c.messageIds].join(", ")}, ` +
              `first copy received ${Math.abs(killedAt - c.firstAt)} ms ` +
              `${c.firstAt <= killedAt ? "before" : "after"} the kill`,
          ),
          `  SMTP accept → 'sent' stamp, per email: median ${gapAt(0.5)} ms, ` +
            `p99 ${gapAt(0.99)} ms, max ${gaps.at(-1)} ms (a kill inside it makes a duplicate); ` +
            `${smtp.truncated} message(s) cut off mid-DATA by the kill.`,
        ].join("\n"),
      );

      expect(killed.signal).toBe("SIGKILL");
      expect(rows).toHaveLength(burst);
      expect(rows.every((row) => row.state === "sent")).toBe(true);
      expect(lost).toBe(0);
      // One Message-ID per notification, the notification's own: a retry is recognisable.
      for (const c of perCase) {
        expect(c.messageIds.size, `Message-IDs of case ${c.caseId}`).toBe(1);
        expect([...c.messageIds][0]).toBe(notificationMessageId(rowOf.get(c.caseId)!.id));
      }
      // Only what the dead worker held was retried (its outbox's claims in progress, and the
      // email jobs it was running), and only such an email can come twice.
      expect(retried.length).toBeLessThanOrEqual(outboxLanes * sendBatchSize + concurrency);
      for (const c of duplicates) expect(rowOf.get(c.caseId)!.attempts).toBeGreaterThan(1);

      await producer.close();
      await Promise.all([stopWorker(second), stopWorker(replacement)]);
    },
  );

  it(
    "SIGTERM of one of two workers mid-burst: it finishes its jobs and exits 0, the other sends the rest once",
    { timeout: 90_000 },
    async () => {
      const { prefix, producer, start } = scenario("term");
      // Larger than the others: a worker sends a few hundred emails a second, and the signal
      // must land while the burst is in flight.
      const { caseIds, due } = await dueCases(termBurst);
      const stopping = start("worker-d");
      const staying = start("worker-e");
      await waitForWorkers(redis, prefix, 2);

      const started = Date.now();
      await scheduleTimers(producer.enqueue, due);
      await waitFor(
        () => (deliveriesOf(caseIds).length >= 20 ? true : undefined),
        60_000,
        "the first 20 emails",
        10,
      );
      const signalledAt = Date.now();
      // To the tsx process, as scripts/start.mjs stops the worker; tsx relays it.
      stopping.signal("SIGTERM");
      const atSignal = deliveriesOf(caseIds).length;
      expect(atSignal, "the signal came after the burst").toBeLessThan(termBurst / 2);
      const exit = await Promise.race([
        stopping.exited,
        new Promise<null>((r) => setTimeout(() => r(null), 12_000)),
      ]);
      expect(exit, `worker output:\n${stopping.output()}`).not.toBeNull();
      expect(exit!.code, stopping.output()).toBe(0);
      expect(exit!.at - signalledAt).toBeLessThan(10_000);
      const atExit = deliveriesOf(caseIds).length;

      // Well before any lease or stalled-job check could matter: nothing was left half done.
      const rows = await waitFor(() => allDelivered(caseIds), 30_000, "every escalation sent", 250);
      const doneAt = Date.now();
      await new Promise((r) => setTimeout(r, 1_500));
      const deliveries = deliveriesOf(caseIds);
      const { perCase, lost, duplicates } = tally(caseIds, deliveries);
      console.warn(
        `SIGTERM: ${termBurst} timers, ${atSignal} emails at the signal; the worker exited ` +
          `${exit!.code} ${seconds(exit!.at - signalledAt)} after it (${atExit} emails by then, ` +
          `${seconds(signalledAt - started)} into the burst); the other sent the rest, all done ` +
          `${seconds(doneAt - signalledAt)} after the signal; raw deliveries ` +
          `${deliveries.length}, duplicates ${duplicates.length}, lost ${lost}.`,
      );

      expect(lost).toBe(0);
      expect(duplicates).toEqual([]);
      expect(perCase.every((c) => c.emails === 1)).toBe(true);
      // attempts 1 everywhere: no email was claimed and abandoned by the stopping worker.
      expect(rows.map((row) => [row.state, row.attempts])).toEqual(rows.map(() => ["sent", 1]));
      const queue = new Queue(queues.timers, { connection: redis, prefix });
      const counts = await queue.getJobCounts("failed", "active");
      await queue.close();
      expect(counts).toMatchObject({ failed: 0 });

      await producer.close();
      await stopWorker(staying);
    },
  );
});
