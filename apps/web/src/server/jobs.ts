import "server-only";

import { createJobProducer } from "@caseward/core/jobs";

import { env } from "~/env";
import { redis } from "./redis";

const globalForJobs = globalThis as unknown as { cwJobs?: ReturnType<typeof createJobProducer> };

export const jobs = (globalForJobs.cwJobs ??= createJobProducer(redis, env.QUEUE_PREFIX));
