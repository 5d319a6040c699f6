// FLUSHALL on Redis in the middle of a burst of due escalations, with two real workers running.
// Redis holds only derived state (PRODUCT.md): the reconciler rebuilds every lost job from
// Postgres, and nothing is restarted. The Redis is this file's own: never flush the shared one.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createJobProducer, queues, scheduleTimers } from "@caseward/core/jobs";
import "@caseward/core/testing";
import { createDatabase } from "@caseward/db/client";
import { createTestDatabase } from "@caseward/db/test-database";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { schedulerCheckEveryMs } from "../queues/timers";
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
import type { OwnRedis, SmtpSink, WorkerProcess } from "./harness";
import {
  connectRedis,
  isRunning,
  spawnWorker,
  startRedisServer,
  startSmtpSink,
  stopWorker,
  waitFor,
  waitForWorkers,
} from "./harness";

const burst = 200;
const prefix = "cwflush";

let ownRedis: OwnRedis | undefined;
let redis: Redis | undefined;
let testDatabase: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let database: ReturnType<typeof createDatabase> | undefined;
let smtp: SmtpSink | undefined;
let dataDir: string | undefined;
const spawned: WorkerProcess[] = [];

beforeAll(async () => {
  ownRedis = await startRedisServer();
  redis = connectRedis(ownRedis.url);
  // A database of its own: the workers' reconciler looks at every row of theirs.
  const server = new URL(inject("databaseUrl"));
  server.pathname = "/postgres";
  testDatabase = await createTestDatabase(
    process.env.TEST_DATABASE_SERVER_URL ?? server.toString(),
    "caseward_faults_flush",
  );
  database = createDatabase(testDatabase.url, { max: 6 });
  smtp = await startSmtpSink({ parseBodies: true });
  dataDir = await mkdtemp(join(tmpdir(), "caseward-faults-"));
});

afterAll(async () => {
  await cleanUp([
    () => killWorkers(spawned),
    () => redis?.quit(),
    () => ownRedis?.stop(),
    () => database?.close(),
    () => testDatabase?.drop(),
    () => smtp?.close(),
    () => dataDir && rm(dataDir, { recursive: true, force: true }),
  ]);
});

describe("the real worker when Redis is wiped", () => {
  it(
    "FLUSHALL mid-burst: the reconciler rebuilds the jobs, every escalation is sent once, queues work again",
    { timeout: 150_000 },
    async () => {
      const db = database!.db;
      const { caseIds, due } = await dueCases(db, burst);
      const start = (label: string) => {
        const worker = spawnWorker(label, {
          databaseUrl: testDatabase!.url,
          redisUrl: ownRedis!.url,
          queuePrefix: prefix,
          smtpUrl: smtp!.url,
          dataDir: dataDir!,
        });
        spawned.push(worker);
        return worker;
      };
      const workers = [start("worker-a"), start("worker-b")];
      await waitForWorkers(redis!, prefix, 2);
      const producer = createJobProducer(redis!, prefix);

      const started = await startBurst(producer.enqueue, { caseIds, due }, () => smtp!.deliveries);
      await redis!.flushall();
      const flushedAt = Date.now();
      const sentBeforeFlush = deliveriesOf(caseIds, smtp!.deliveries).length;

      // Each worker checks every `schedulerCheckEveryMs` that the reconcile scheduler is still
      // in Redis and puts it back; its first run is then immediate and re-queues what is owed.
      const rows = await waitFor(
        () => allDelivered(db, caseIds, smtp!.deliveries),
        schedulerCheckEveryMs + 60_000,
        "every escalation sent after the flush",
        250,
      );
      const recoveredAt = Date.now();
      // A duplicate would come now if at all.
      await sleep(2_000);
      expectEachDeliveredOnce(caseIds, rows, smtp!.deliveries);

      // Working again without a restart: the scheduler is back and a new deadline is emailed.
      for (const worker of workers) expect(await isRunning(worker), worker.output()).toBe(true);
      const timersQueue = new Queue(queues.timers, { connection: redis!, prefix });
      // The emails may all be out before the check comes round (the outbox had them): wait for it.
      const scheduler = await waitFor(
        () => timersQueue.getJobScheduler("reconcile"),
        schedulerCheckEveryMs + 5_000,
        "the reconcile scheduler back in Redis",
        250,
      );
      expect(scheduler).toMatchObject({ key: "reconcile" });
      await timersQueue.close();
      const after = await dueCases(db, 1);
      await scheduleTimers(producer.enqueue, after.due);
      const afterRows = await waitFor(
        () => allDelivered(db, after.caseIds, smtp!.deliveries),
        15_000,
        "an escalation queued after the recovery",
      );
      expectEachDeliveredOnce(after.caseIds, afterRows, smtp!.deliveries);

      console.warn(
        `FLUSHALL: ${burst} timers, ${sentBeforeFlush} emails before the flush ` +
          `(${seconds(flushedAt - started)} after the burst); all sent ` +
          `${seconds(recoveredAt - flushedAt)} after the flush; ` +
          `${rows.filter((row) => row.attempts > 1).length} claimed more than once.`,
      );
      await producer.close();
      await Promise.all(workers.map((worker) => stopWorker(worker)));
    },
  );
});
