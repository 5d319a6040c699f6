// The real worker as a child process that a fault test or the timer bench watches, signals and
// kills (app-process.ts), its /health asked.
import { Queue } from "bullmq";
import type { Cluster, Redis } from "ioredis";

import { spawnApp } from "./app-process";
import { workerDir, workerNodeArgs } from "./deployment";
import { waitFor } from "./wait-for";

export interface WorkerEnv {
  databaseUrl: string;
  redisUrl: string;
  /** REDIS_CLUSTER_NODES: a Redis Cluster instead of `redisUrl`. */
  redisClusterNodes?: string;
  queuePrefix: string;
  smtpUrl: string;
  dataDir: string;
  concurrency?: number;
  /** The /health port (WORKER_HEALTH_PORT); a free one by default. */
  healthPort?: number;
  /** The reconciler's period (RECONCILE_EVERY_MS); the worker's default (a minute) if unset. */
  reconcileEveryMs?: number;
  /** Node flags (e.g. `--cpu-prof`, refused in NODE_OPTIONS). */
  nodeArgs?: string[];
}

export interface WorkerProcess {
  name: string;
  pid: number;
  /** Resolves when the process exited: code, signal, and when. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Signals the whole process group (the worker and anything it started). */
  kill(signal: NodeJS.Signals): void;
  /** Signals the worker process only, as `docker stop` does. */
  signal(signal: NodeJS.Signals): void;
  /** What it wrote to stdout and stderr (the last 20 kB). */
  output(): string;
}

/** Starts the real worker as production does (`runWorker`, see app-process.ts). */
export function spawnWorker(name: string, env: WorkerEnv): WorkerProcess {
  const app = spawnApp({
    cwd: workerDir,
    databaseUrl: env.databaseUrl,
    redisUrl: env.redisUrl,
    queuePrefix: env.queuePrefix,
    nodeArgs: [...workerNodeArgs, ...(env.nodeArgs ?? [])],
    keepOutput: 20_000,
    env: {
      REDIS_CLUSTER_NODES: env.redisClusterNodes,
      SMTP_URL: env.smtpUrl,
      BASE_URL: "http://localhost:3999",
      DATA_DIR: env.dataDir,
      WORKER_HEALTH_PORT: String(env.healthPort ?? 0),
      LOG_LEVEL: process.env.WORKER_TEST_LOG_LEVEL ?? "warn",
      WORKER_CONCURRENCY: String(env.concurrency ?? 10),
      RECONCILE_EVERY_MS: env.reconcileEveryMs ? String(env.reconcileEveryMs) : undefined,
    },
  });
  return {
    name,
    pid: app.pid,
    exited: app.exited,
    kill: app.kill,
    signal: app.signal,
    output: app.output,
  };
}

/** SIGTERM as a deployment stops it, then SIGKILL if not gone within `graceMs`. */
export async function stopWorker(worker: WorkerProcess, graceMs = 15_000) {
  worker.signal("SIGTERM");
  const timer = setTimeout(() => worker.kill("SIGKILL"), graceMs);
  const exit = await worker.exited;
  clearTimeout(timer);
  return exit;
}

/** SIGKILLs the workers and waits until they are gone. */
export async function killWorkers(workers: WorkerProcess[]) {
  for (const worker of workers) worker.kill("SIGKILL");
  await Promise.all(workers.map((worker) => worker.exited));
}

/** True while the worker process has not exited. */
export function isRunning(worker: WorkerProcess) {
  return Promise.race([
    worker.exited.then(() => false),
    new Promise<boolean>((resolve) => setImmediate(() => resolve(true))),
  ]);
}

/** Resolves once `count` workers listen on every one of `queueNames` under `prefix`. */
export async function waitForWorkers(
  connection: Redis | Cluster,
  prefix: string,
  queueNames: readonly string[],
  count: number,
  timeoutMs = 60_000,
) {
  const watched = queueNames.map((name) => new Queue(name, { connection, prefix }));
  try {
    await waitFor(
      async () => {
        const counts = await Promise.all(watched.map((queue) => queue.getWorkersCount()));
        return counts.every((n) => n >= count) ? true : undefined;
      },
      timeoutMs,
      `${count} workers on ${prefix}`,
    );
  } finally {
    await Promise.all(watched.map((queue) => queue.close()));
  }
}

/** The HTTP status of a worker's GET /health, or null when nothing answers. */
export async function healthStatus(port: number): Promise<number | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, {
      signal: AbortSignal.timeout(5_000),
    });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}
