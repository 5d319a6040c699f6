// Finished jobs expire (issue 16): Redis memory does not grow with the history of sent emails.
// Measured on a redis-server of the file's own (INFO memory counts the whole server), with jobs
// shaped as the outbox's: a send-notification job per email, its id and payload, its result.
import { randomUUID } from "node:crypto";

import {
  jobAttempts,
  jobRetention,
  notificationJobId,
  queues,
  queueStreams,
} from "@caseward/core/jobs";
import type { OwnRedis } from "@caseward/services/redis";
import { connectRedis, startRedisServer } from "@caseward/services/redis";
import { waitFor } from "@caseward/services/wait-for";
import type { WorkerOptions } from "bullmq";
import { Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: OwnRedis;
let redis: Redis;
const prefix = "retention";

beforeAll(async () => {
  server = await startRedisServer();
  redis = connectRedis(server.url);
});

afterAll(async () => {
  await redis.quit();
  await server.stop();
});

async function usedMemory() {
  const info = await redis.info("memory");
  return Number(/used_memory:(\d+)/.exec(info)?.[1]);
}

/**
 * What the queue's keys take (MEMORY USAGE of each; the server's total lags a delete): the job
 * records and the rest, and apart the event stream (capped by `queueStreams`).
 */
async function keysMemory() {
  let bytes = 0;
  let keys = 0;
  let events = 0;
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    for (const key of found) {
      const size = Number(await redis.call("MEMORY", "USAGE", key, "SAMPLES", "0"));
      if (key.endsWith(":events")) events += size;
      else bytes += size;
      keys++;
    }
  } while (cursor !== "0");
  return { bytes, keys, events };
}

/** Sends `count` notification jobs through a worker with `retention`; resolves when all finished. */
async function finishNotifications(
  count: number,
  retention: Pick<WorkerOptions, "removeOnComplete" | "removeOnFail">,
) {
  const queue = new Queue(queues.email, { connection: redis, prefix, streams: queueStreams });
  let finished = 0;
  const worker = new Worker(
    queues.email,
    () => {
      finished++;
      return Promise.resolve({ outcome: "sent" });
    },
    { connection: redis, prefix, concurrency: 50, ...retention },
  );
  await queue.addBulk(
    Array.from({ length: count }, () => {
      const notificationId = randomUUID();
      return {
        name: "send-notification",
        data: { notificationId },
        opts: {
          jobId: notificationJobId(notificationId),
          attempts: jobAttempts,
          backoff: { type: "exponential", delay: 2_000 },
        },
      };
    }),
  );
  await waitFor(
    async () => (finished >= count && (await queue.getActiveCount()) === 0 ? true : undefined),
    60_000,
    `${count} jobs done`,
    50,
  );
  await worker.close();
  await queue.close();
}

const completedCount = () =>
  new Queue(queues.email, { connection: redis, prefix, streams: queueStreams }).getCompletedCount();

describe("finished job records expire", () => {
  it(
    "1,000 sent notifications' records: kept by the worker's retention, then gone once their age passes; the count caps them",
    { timeout: 120_000 },
    async () => {
      await redis.flushall();
      const empty = await usedMemory();
      // The worker's own retention: a day's records are kept (up to its count).
      await finishNotifications(1_000, jobRetention);
      expect(await completedCount()).toBe(1_000);
      const kept = (await usedMemory()) - empty;
      const keptKeys = await keysMemory();

      // The same retention with an age of a second: once it passed, the next finished job
      // removes the expired records (BullMQ cleans by age when a job finishes).
      const expiring = {
        ...jobRetention,
        removeOnComplete: { ...jobRetention.removeOnComplete, age: 1 },
      };
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await finishNotifications(1, expiring);
      expect(await completedCount()).toBe(1);
      const expired = (await usedMemory()) - empty;
      const expiredKeys = await keysMemory();

      // The count: with more finished than it allows, only the newest are kept.
      await redis.flushall();
      await finishNotifications(1_500, {
        ...jobRetention,
        removeOnComplete: { ...jobRetention.removeOnComplete, count: 500 },
      });
      expect(await completedCount()).toBe(500);

      const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
      const events = await redis.xlen(`${prefix}:${queues.email}:events`);
      console.warn(
        `Redis memory per 1,000 finished notifications, kept → after expiry: job records ` +
          `${kib(keptKeys.bytes)} in ${keptKeys.keys} keys → ${kib(expiredKeys.bytes)} in ` +
          `${expiredKeys.keys}; event stream ${kib(keptKeys.events)} → ${kib(expiredKeys.events)} ` +
          `(capped at ~${queueStreams.events.maxLen} entries, ${events} now); server used_memory ` +
          `+${kib(kept)} → +${kib(expired)} (the allocator keeps freed pages for reuse).`,
      );
      expect(events).toBeLessThan(queueStreams.events.maxLen * 1.2);
      expect(keptKeys.keys).toBeGreaterThan(1_000);
      expect(keptKeys.bytes).toBeGreaterThan(100_000);
      expect(expiredKeys.keys).toBeLessThan(10);
      expect(expiredKeys.bytes).toBeLessThan(keptKeys.bytes / 50);
    },
  );
});
