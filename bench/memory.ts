// The memory part of `pnpm bench`: what N pending timers cost in Redis and in the worker.
// Each timer is a delayed fire-timer job, queued as the app queues one (`scheduleTimers`),
// due days from now. Redis is shared with other runs, so the bytes are counted from our own
// keys (MEMORY USAGE); the server-wide used_memory delta is shown beside them.
import { randomUUID } from "node:crypto";

import { createJobProducer, queues, scheduleTimers } from "@caseward/core/jobs";
import type { connectRedis } from "@caseward/services/redis";
import { SingleBar } from "cli-progress";

import { rssMb } from "./stack";

type Redis = ReturnType<typeof connectRedis>;

const usedMemory = async (redis: Redis) =>
  Number(/used_memory:(\d+)/.exec(await redis.info("memory"))?.[1] ?? NaN);

/** Bytes held by every key under `prefix:` (jobs, the delayed set, the queue's own keys). */
async function keyBytes(redis: Redis, prefix: string) {
  let cursor = "0";
  let bytes = 0;
  let keys = 0;
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 2000);
    cursor = next;
    const pipeline = redis.pipeline();
    for (const key of found) pipeline.memory("USAGE", key, "SAMPLES", "0");
    for (const [, value] of (await pipeline.exec()) ?? []) bytes += Number(value ?? 0);
    keys += found.length;
  } while (cursor !== "0");
  return { bytes, keys };
}

export async function benchMemory(
  redis: Redis,
  options: { prefix: string; workerPid: number; count: number },
) {
  const { prefix, count } = options;
  const before = {
    used: await usedMemory(redis),
    keys: await keyBytes(redis, prefix),
    rssMb: await rssMb(options.workerPid),
  };
  const producer = createJobProducer(redis, prefix);
  const bar = new SingleBar({
    format: `Pending timers {bar} {percentage}% | {value}/{total}`,
    hideCursor: true,
    clearOnComplete: false,
  });
  bar.start(count, 0);
  const dueAt = Date.now() + 7 * 24 * 3600_000;
  try {
    for (let i = 0; i < count; i += 2_000) {
      const batch = Array.from({ length: Math.min(2_000, count - i) }, (_, j) => ({
        id: randomUUID(),
        dueAt: new Date(dueAt + (i + j) * 1000),
      }));
      await scheduleTimers(producer.enqueue, batch);
      bar.update(i + batch.length);
    }
  } finally {
    bar.stop();
    await producer.close();
  }
  // The worker polls the queue meanwhile; give it a moment as a running server would have.
  await new Promise((r) => setTimeout(r, 3_000));
  const after = {
    used: await usedMemory(redis),
    keys: await keyBytes(redis, prefix),
    rssMb: await rssMb(options.workerPid),
  };
  const delayed = await redis.zcard(`${prefix}:${queues.timers}:delayed`);
  return {
    count,
    delayedJobs: delayed,
    redisBytesPerTimer: Math.round((after.keys.bytes - before.keys.bytes) / count),
    redisUsedMemoryBytesPerTimer: Math.round((after.used - before.used) / count),
    workerRssMb: after.rssMb,
    workerRssBaselineMb: before.rssMb,
    workerRssBytesPerTimer: Math.round(((after.rssMb - before.rssMb) * 1024 * 1024) / count),
  };
}
