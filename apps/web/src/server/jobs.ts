import "server-only";

import type { ScheduledTimer } from "@caseward/core";
import { createJobProducer, scheduleTimers as schedule } from "@caseward/core/jobs";

import { env } from "~/env";
import { redis } from "./redis";

const globalForJobs = globalThis as unknown as { cwJobs?: ReturnType<typeof createJobProducer> };

export const jobs = (globalForJobs.cwJobs ??= createJobProducer(redis, env.QUEUE_PREFIX));

/** New or moved deadlines get their delayed job as soon as they are committed. */
export const scheduleTimers = async (timers: ScheduledTimer[]) => {
  await schedule(jobs.enqueue, timers);
};
