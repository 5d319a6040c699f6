import type { QueueName } from "@caseward/core/jobs";
import { isJobName, jobDefinitions, jobRetention } from "@caseward/core/jobs";
import type { RedisConnection } from "@caseward/core/redis";
import { isCluster } from "@caseward/core/redis";
import { Worker } from "bullmq";

import type { JobContext } from "../context";
import { runJob } from "../jobs";
import { withoutPersonalData } from "./job-error";

/** How long the cluster's node list must stay unchanged before the workers start afresh. */
export const topologySettleMs = 1_000;
/** How long a replaced worker may take to finish its jobs before it is disconnected. */
const replacedCloseMs = 10_000;

/**
 * A BullMQ worker for one queue: parses each payload, runs its handler, logs ids only. On a
 * Redis Cluster it is replaced by a new one (new connections) once the cluster's nodes changed
 * and settled: after a master fails over, a worker's blocking connection can stay wedged and
 * the worker takes no job again, with no error (bullmq issue #4138; seen here in
 * faults/redis-cluster.test.ts, about one failover in two).
 */
export function startQueueWorker(
  queue: QueueName,
  ctx: JobContext,
  connection: RedisConnection,
  options: { prefix: string; concurrency: number },
) {
  const { logger } = ctx;
  const create = () => {
    const worker = new Worker(
      queue,
      async (job, token) => {
        const { name } = job;
        if (!isJobName(name) || jobDefinitions[name].queue !== queue) {
          throw new Error(`unknown job ${name} on ${queue}`);
        }
        try {
          // Payloads are parsed at the edge like any other input.
          return await runJob(name, ctx, job, token);
        } catch (error) {
          throw withoutPersonalData(error);
        }
      },
      { connection, prefix: options.prefix, concurrency: options.concurrency, ...jobRetention },
    );
    worker.on("completed", (job) => logger.debug({ jobId: job.id, job: job.name }, "job done"));
    worker.on("failed", (job, error) =>
      logger.warn(
        { jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: error.name },
        "job failed",
      ),
    );
    worker.on("error", (error) => logger.error({ queue, err: error.name }, "worker error"));
    return worker;
  };

  let current = create();
  let closing = false;
  let settle: NodeJS.Timeout | undefined;
  // Armed by a lost node: the nodes the cluster adds as it starts are no reason to start afresh.
  let nodeLost = false;
  const replace = () => {
    if (closing) return;
    const old = current;
    current = create();
    logger.warn({ queue }, "redis cluster nodes changed: worker started afresh");
    let timer: NodeJS.Timeout | undefined;
    void Promise.race([
      old.close(),
      new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          void old.disconnect().catch(() => undefined);
          resolve();
        }, replacedCloseMs);
      }),
    ])
      .catch((error: Error) => logger.error({ queue, err: error.name }, "worker close failed"))
      .finally(() => clearTimeout(timer));
  };
  const nodesChanged = (lost: boolean) => () => {
    nodeLost ||= lost;
    if (!nodeLost) return;
    clearTimeout(settle);
    settle = setTimeout(replace, topologySettleMs);
  };
  const nodeAdded = nodesChanged(false);
  const nodeRemoved = nodesChanged(true);
  if (isCluster(connection)) {
    connection.on("+node", nodeAdded);
    connection.on("-node", nodeRemoved);
  }

  return {
    /** The worker taking jobs now. */
    get worker() {
      return current;
    },
    close: async () => {
      closing = true;
      clearTimeout(settle);
      if (isCluster(connection)) {
        connection.off("+node", nodeAdded);
        connection.off("-node", nodeRemoved);
      }
      await current.close();
    },
  };
}
