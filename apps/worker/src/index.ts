import { resolve } from "node:path";

import { createJobProducer } from "@caseward/core/jobs";
import { createMailer } from "@caseward/core/mail";
import { connectRedis, redisHealth } from "@caseward/core/redis";

import { startComingDue } from "./coming-due";
import { createWorkerDatabase, workerPoolSize } from "./database";
import { env } from "./env";
import { startHealthServer } from "./health";
import { logger } from "./logger";
import { createWorkerMetrics } from "./metrics";
import { createFiredTimerJobs } from "./fired-timer-jobs";
import { createFiredTimers } from "./fired-timers";
import { startEmailWorker } from "./queues/email";
import { startInboundWorker } from "./queues/inbound";
import { startTimerWorker } from "./queues/timers";
import { createSendLanes } from "./send-lanes";

const database = createWorkerDatabase(env.DATABASE_URL, logger);
// BullMQ workers block on Redis: they must never give up on a command (one server or a cluster).
const redis = connectRedis(env, "worker");
redis.on("error", (error: Error) => logger.error({ err: error.message }, "redis error"));
const mailer = createMailer({
  from: env.MAIL_FROM,
  smtpUrl: env.SMTP_URL,
  mailboxDir: resolve(env.DATA_DIR, "mailbox"),
});
const producer = createJobProducer(redis, env.QUEUE_PREFIX);

const { registry, metrics } = createWorkerMetrics(producer.depths);
const base = {
  db: database.db,
  mailer,
  enqueue: producer.enqueue,
  baseUrl: env.BASE_URL,
  inboundDomain: env.INBOUND_DOMAIN,
  uploadQuotaBytes: env.UPLOAD_QUOTA_MB * 1024 * 1024,
  logger,
  metrics,
};
const sendLanes = createSendLanes(base);
const firedTimerJobs = createFiredTimerJobs(redis, env.QUEUE_PREFIX, logger);
const ctx = {
  ...base,
  sendLanes,
  firedTimers: createFiredTimers(),
  firedTimerJobs,
  liveJobIds: producer.liveJobIds,
  liveInboundBatchMembers: producer.liveInboundBatchMembers,
};
const options = { prefix: env.QUEUE_PREFIX, concurrency: env.WORKER_CONCURRENCY };
// Listening for the signals before any queue takes a job: a SIGTERM that lands while the worker
// starts (a busy machine, a quick deploy) must still end with its jobs finished, not killed.
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
const started = (async () => {
  const email = startEmailWorker(ctx, redis, options);
  const timers = await startTimerWorker(ctx, redis, {
    ...options,
    reconcileEveryMs: env.RECONCILE_EVERY_MS,
  });
  const inbound = startInboundWorker(ctx, redis, options);
  const health = startHealthServer(env.WORKER_HEALTH_PORT, {
    db: database.db,
    redis: redisHealth(redis, env.QUEUE_PREFIX),
    queueDepths: producer.depths,
    metrics: registry,
  });
  const comingDue = startComingDue(ctx, workerPoolSize);
  return { email, timers, inbound, health, comingDue };
})();
await started;
logger.info(
  { queues: ["email", "timers", "inbound"], healthPort: env.WORKER_HEALTH_PORT },
  "worker started",
);

// postgres.js 3.4.9 can throw from a setImmediate when a connection closes with a write still
// buffered (Postgres restarts): no caller can catch it (see ./database.ts). Replace the pool
// instead of dying; anything else uncaught still ends the process.
const isPostgresNextWriteBug = (error: Error) =>
  error instanceof TypeError &&
  error.message.includes("reading 'write'") &&
  /nextWrite[^\n]*postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? "");
process.on("uncaughtException", (error) => {
  if (!isPostgresNextWriteBug(error)) {
    console.error(error);
    logger.fatal({ err: error.name }, "uncaught exception");
    process.exit(1);
  }
  database.replace("postgres.js nextWrite on a closed connection");
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "worker stopping");
  // A signal during start-up waits for it: the queues may already be taking jobs.
  const { email, timers, inbound, health, comingDue } = await started;
  // No firing of its own starts now; one under way ends before the lanes are drained.
  await comingDue.stop();
  // Finish the jobs in hand, then close Redis, then the database.
  await Promise.all([email.close(), timers.close(), inbound.close()]);
  // The emails of the timers just fired, before the mailer and the database go.
  await sendLanes.drain();
  await firedTimerJobs.close();
  await producer.close();
  health.close();
  mailer.close();
  await redis.quit().catch(() => undefined);
  await database.close();
  logger.info("worker stopped");
  process.exit(0);
}
