// The jobs of timers a batch fired leave the queue; one a worker is running stays. Real Redis.
import { randomUUID } from "node:crypto";

import { createJobProducer, queues, scheduleTimers, timerJobId } from "@caseward/core/jobs";
import { waitFor } from "@caseward/services/wait-for";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, describe, expect, inject, it } from "vitest";

import { createFiredTimerJobs } from "./fired-timer-jobs";

const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
const prefix = `${inject("queuePrefix")}ftj`;
const producer = createJobProducer(redis, prefix);
const queue = new Queue(queues.timers, { connection: redis, prefix });

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  await producer.close();
  await redis.quit();
});

describe("createFiredTimerJobs", () => {
  it("removes the waiting and delayed jobs of fired timers, not one a worker is running", async () => {
    const now = Date.now();
    const due = new Date(now - 1_000);
    const later = new Date(now + 3_600_000);
    const timers = [
      { id: randomUUID(), dueAt: due },
      { id: randomUUID(), dueAt: due },
      { id: randomUUID(), dueAt: due },
      { id: randomUUID(), dueAt: later },
    ];
    await scheduleTimers(producer.enqueue, timers, now);
    // A worker holds one of the due jobs (running: locked) until released.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const running: string[] = [];
    const connection = redis.duplicate();
    const worker = new Worker(
      queues.timers,
      async (job) => {
        running.push(job.id!);
        await held;
      },
      { connection, prefix, concurrency: 1 },
    );
    const active = await waitFor(() => running[0], 10_000, "a job running");

    const jobs = createFiredTimerJobs(redis, prefix, pino({ level: "silent" }));
    // A timer whose job is gone already is nothing to remove.
    jobs.remove([
      ...timers.map((timer) => ({ timerId: timer.id, dueAt: timer.dueAt })),
      { timerId: randomUUID(), dueAt: due },
    ]);
    await jobs.close();

    const left = await Promise.all(
      timers.map(async (timer) => (await queue.getJob(timerJobId(timer.id, timer.dueAt)))?.id),
    );
    expect(left.filter(Boolean)).toEqual([active]);
    expect(await queue.getJobCounts("waiting", "delayed", "active")).toEqual({
      waiting: 0,
      delayed: 0,
      active: 1,
    });
    release();
    await worker.close();
    await connection.quit();
    expect(running).toEqual([active]);
  });
});
