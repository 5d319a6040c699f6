// The SMTP server goes away for a minute in the middle of a burst of due escalations, then a new
// one listens on the same port. The retries of `send-notification` must outlast the outage, and
// every escalation must arrive once: a failed SMTP session is not a sent email.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createJobProducer, jobAttempts } from "@caseward/core/jobs";
import "@caseward/core/testing";
import { createDatabase } from "@caseward/db/client";
import { createTestDatabase } from "@caseward/db/test-database";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import {
  allDelivered,
  cleanUp,
  deliveriesOf,
  dueCases,
  expectEachDeliveredOnce,
  killWorkers,
  seconds,
  sleep,
  startBurst,
} from "./burst";
import type { Delivery, SmtpSink, WorkerProcess } from "./harness";
import {
  connectRedis,
  deleteQueueKeys,
  isRunning,
  spawnWorker,
  startSmtpSink,
  stopWorker,
  waitFor,
  waitForWorkers,
} from "./harness";

const burst = 200;
const outageMs = 60_000;
// BullMQ's exponential backoff waits 2 s × 2^(n−1) after the n-th failure: 2, 4, 8, 16, 32, 64,
// 128 s. Attempt k thus starts 2 s × (2^(k−1) − 1) after the first failure: attempt 6 at 62 s,
// 7 at 126 s, 8 (the last of jobAttempts) at 254 s. A first failure comes at the earliest when
// the sink closes, so attempt 6 already falls after a 60 s outage; the 8 attempts would cover
// an outage of about 4 minutes.
const retryWindowMs = (attempts: number) => 2_000 * (2 ** (attempts - 1) - 1);

let redis: Redis | undefined;
let prefix: string | undefined;
let testDatabase: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let database: ReturnType<typeof createDatabase> | undefined;
const sinks: SmtpSink[] = [];
let dataDir: string | undefined;
const spawned: WorkerProcess[] = [];

beforeAll(async () => {
  redis = connectRedis(inject("redisUrl"));
  prefix = `${inject("queuePrefix")}smtpdown`;
  const server = new URL(inject("databaseUrl"));
  server.pathname = "/postgres";
  testDatabase = await createTestDatabase(
    process.env.TEST_DATABASE_SERVER_URL ?? server.toString(),
    "caseward_faults_smtp",
  );
  database = createDatabase(testDatabase.url, { max: 6 });
  dataDir = await mkdtemp(join(tmpdir(), "caseward-faults-"));
});

afterAll(async () => {
  await cleanUp([
    () => killWorkers(spawned),
    () => redis && prefix && deleteQueueKeys(redis, prefix),
    () => redis?.quit(),
    () => database?.close(),
    () => testDatabase?.drop(),
    () => Promise.all(sinks.map((sink) => sink.close())),
    () => dataDir && rm(dataDir, { recursive: true, force: true }),
  ]);
});

describe("the real worker when SMTP is down", () => {
  it("the retries outlast a one-minute outage", () => {
    expect(retryWindowMs(6)).toBeGreaterThan(outageMs);
    expect(retryWindowMs(jobAttempts)).toBeGreaterThanOrEqual(4 * outageMs);
  });

  it(
    "SMTP down for a minute mid-burst: every escalation is sent once after it comes back",
    { timeout: 180_000 },
    async () => {
      const db = database!.db;
      const first = await startSmtpSink({ parseBodies: true });
      sinks.push(first);
      const received = (): Delivery[] => sinks.flatMap((sink) => sink.deliveries);
      const { caseIds, due } = await dueCases(db, burst);
      const workers = ["worker-a", "worker-b"].map((label) => {
        const worker = spawnWorker(label, {
          databaseUrl: testDatabase!.url,
          redisUrl: inject("redisUrl"),
          queuePrefix: prefix!,
          smtpUrl: first.url,
          dataDir: dataDir!,
        });
        spawned.push(worker);
        return worker;
      });
      await waitForWorkers(redis!, prefix!, 2);
      const producer = createJobProducer(redis!, prefix!);

      const started = await startBurst(producer.enqueue, { caseIds, due }, () => received());
      await first.close();
      const downAt = Date.now();
      const sentBefore = deliveriesOf(caseIds, received()).length;
      await sleep(outageMs - (Date.now() - downAt));
      const second = await startSmtpSink({ parseBodies: true, port: first.port });
      sinks.push(second);
      const upAt = Date.now();
      const duringOutage = second.deliveries.length;

      const rows = await waitFor(
        () => allDelivered(db, caseIds, received()),
        // Attempt 7 of an email that first failed at `downAt`, with room to spare.
        retryWindowMs(7) - outageMs + 15_000,
        "every escalation sent after SMTP came back",
        250,
      );
      const doneAt = Date.now();
      await sleep(2_000);
      expectEachDeliveredOnce(caseIds, rows, received());
      expect(duringOutage).toBe(0);
      for (const worker of workers) expect(await isRunning(worker), worker.output()).toBe(true);
      const attempts = rows.map((row) => row.attempts);

      console.warn(
        `SMTP down: ${burst} timers, ${sentBefore} emails before the outage ` +
          `(${seconds(downAt - started)} after the burst), ${seconds(upAt - downAt)} down; ` +
          `all sent ${seconds(doneAt - upAt)} after it came back; attempts per email ` +
          `max ${Math.max(...attempts)}, ${attempts.filter((n) => n > 1).length} retried; ` +
          `${first.truncated + second.truncated} cut off mid-DATA.`,
      );
      await producer.close();
      await Promise.all(workers.map((worker) => stopWorker(worker)));
    },
  );
});
