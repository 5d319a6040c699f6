// What a fault test (and the timer bench) runs the real worker on: a database of its own, Redis,
// an SMTP sink, a data dir, and the worker processes it starts; stopped all together whatever
// the test left.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { Database } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import type { Cluster, Redis } from "ioredis";

import type { EmbeddedPostgres } from "./postgres";
import { startEmbeddedPostgres } from "./postgres";
import type { OwnRedis } from "./redis";
import { connectRedis, connectRedisCluster, deleteQueueKeys, startRedisServer } from "./redis";
import type { SmtpSink, SmtpSinkOptions } from "./smtp-sink";
import { startSmtpSink } from "./smtp-sink";
import { createTestDatabase } from "./test-database";
import type { WorkerEnv, WorkerProcess } from "./worker-process";
import { killWorkers, spawnWorker, waitForWorkers } from "./worker-process";

export interface FaultStackOptions {
  /** Names its database (made on the server with a unique suffix, dropped at the end). */
  database: string;
  /** The run's PostgreSQL server, unless `ownPostgres`. */
  serverUrl: string;
  /** The run's Redis, unless `ownRedis`. */
  redisUrl: string;
  /** The stack's queue prefix: its keys are deleted at the end. */
  queuePrefix: string;
  /** The queues a worker listens on. */
  queueNames: readonly string[];
  /** An embedded PostgreSQL of the stack's own, for a test that stops and restarts it. */
  ownPostgres?: boolean;
  /** A redis-server of the stack's own, for a test that FLUSHALLs it. */
  ownRedis?: boolean;
  /**
   * A Redis Cluster's `host:port,…` (REDIS_CLUSTER_NODES) instead of `redisUrl`: the test owns
   * the cluster and tears it down, so no key is deleted here. The prefix needs a hash tag.
   */
  redisClusterNodes?: string;
  smtp?: SmtpSinkOptions;
}

export interface FaultStack {
  /**
   * The stack's own database: the workers' reconciler looks at every pending timer and unsent
   * notification of theirs, and on the run's shared one would send other files' emails.
   */
  db: Database;
  databaseName: string;
  databaseUrl: string;
  /** With `ownPostgres`: the server, to stop and start. */
  postgres?: EmbeddedPostgres;
  redis: Redis | Cluster;
  redisUrl: string;
  /** The stack's queue prefix; a test may use others that start with it. */
  prefix: string;
  smtp: SmtpSink;
  /** Starts a real worker on the stack (on `prefix` unless told otherwise). */
  startWorker(
    label: string,
    options?: Pick<WorkerEnv, "concurrency" | "healthPort" | "nodeArgs" | "reconcileEveryMs"> & {
      prefix?: string;
    },
  ): WorkerProcess;
  /** Resolves once `count` workers listen on every queue under the prefix. */
  waitForWorkers(count: number, prefix?: string): Promise<void>;
  /** Kills the workers and stops or deletes everything the stack made. */
  stop(): Promise<void>;
}

/** Runs every clean-up step in order, whatever became of the steps before it. */
async function cleanUp(steps: (() => unknown)[]) {
  for (const step of steps) await Promise.resolve(step()).catch(() => undefined);
}

export async function startFaultStack(options: FaultStackOptions): Promise<FaultStack> {
  const steps: (() => unknown)[] = [];
  const stop = () => cleanUp(steps.splice(0).reverse());
  try {
    let serverUrl = options.serverUrl;
    let postgres: EmbeddedPostgres | undefined;
    if (options.ownPostgres) {
      const own = await startEmbeddedPostgres();
      steps.push(() => own.destroy());
      postgres = own;
      serverUrl = own.serverUrl;
    }
    const database = await createTestDatabase(serverUrl, options.database);
    if (!postgres) steps.push(() => database.drop());
    const connection = createDatabase(database.url, { max: 6 });
    steps.push(() => connection.close());

    let redisUrl = options.redisUrl;
    let ownRedis: OwnRedis | undefined;
    if (options.ownRedis) {
      ownRedis = await startRedisServer();
      steps.push(() => ownRedis?.stop());
      redisUrl = ownRedis.url;
    }
    const clusterNodes = options.redisClusterNodes;
    const single = clusterNodes ? undefined : connectRedis(redisUrl);
    const redis = single ?? connectRedisCluster(clusterNodes!);
    const prefix = options.queuePrefix;
    const prefixes = new Set([prefix]);
    steps.push(() => redis.quit());
    // The run's Redis is shared: only this stack's keys go.
    if (single && !ownRedis)
      steps.push(() => Promise.all([...prefixes].map((p) => deleteQueueKeys(single, p))));

    const smtp = await startSmtpSink(options.smtp);
    steps.push(() => smtp.stop());
    const dataDir = await mkdtemp(join(tmpdir(), "caseward-faults-"));
    steps.push(() => rm(dataDir, { recursive: true, force: true }));
    const workers: WorkerProcess[] = [];
    steps.push(() => killWorkers(workers));

    return {
      db: connection.db,
      databaseName: database.name,
      databaseUrl: database.url,
      postgres,
      redis,
      redisUrl,
      prefix,
      smtp,
      startWorker: (label, settings = {}) => {
        const queuePrefix = settings.prefix ?? prefix;
        prefixes.add(queuePrefix);
        const worker = spawnWorker(label, {
          databaseUrl: database.url,
          redisUrl,
          redisClusterNodes: clusterNodes,
          queuePrefix,
          smtpUrl: smtp.url,
          dataDir,
          concurrency: settings.concurrency,
          healthPort: settings.healthPort,
          nodeArgs: settings.nodeArgs,
          reconcileEveryMs: settings.reconcileEveryMs,
        });
        workers.push(worker);
        return worker;
      },
      waitForWorkers: (count, queuePrefix = prefix) =>
        waitForWorkers(redis, queuePrefix, options.queueNames, count),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
