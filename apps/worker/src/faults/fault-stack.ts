// The fault stack (@caseward/services/fault-stack) of one test file, on the run's services and
// stopped after the file's tests, with the burst helpers (./burst) bound to its database and
// its SMTP sink.
import type { Enqueue } from "@caseward/core/jobs";
import { queues } from "@caseward/core/jobs";
import type { FaultStack } from "@caseward/services/fault-stack";
import { startFaultStack } from "@caseward/services/fault-stack";
import { waitFor } from "@caseward/services/wait-for";
import type { WorkerProcess } from "@caseward/services/worker-process";
import { afterAll, inject } from "vitest";

import type { NotificationRow } from "./burst";
import * as bursts from "./burst";

import "@caseward/services/vitest-context";

export interface FaultTest extends FaultStack {
  /** `count` cases whose response windows are all due: their pending timers, not yet queued. */
  dueCases(count: number): ReturnType<typeof bursts.dueCases>;
  /** Starts a worker per label and resolves once they all listen. */
  startWorkers<const Labels extends readonly string[]>(
    labels: Labels,
    options?: Parameters<FaultStack["startWorker"]>[1],
  ): Promise<{ [L in keyof Labels]: WorkerProcess }>;
  /** Queues the burst and resolves once its first emails came: the moment to break something. */
  startBurst(
    enqueue: Enqueue,
    burst: { caseIds: string[]; due: { id: string; dueAt: Date }[] },
    options?: { everyMs?: number },
  ): Promise<number>;
  deliveriesOf(caseIds: string[]): ReturnType<typeof bursts.deliveriesOf>;
  /** Every case's notification rows once all are `sent` and received; throws after `timeoutMs`. */
  allDelivered(caseIds: string[], timeoutMs: number, what: string): Promise<NotificationRow[]>;
  tally(caseIds: string[]): ReturnType<typeof bursts.tally>;
  expectEachDeliveredOnce(caseIds: string[], rows: NotificationRow[]): void;
}

/**
 * `own`: an embedded PostgreSQL to restart, or a redis-server to flush, of the file's own; or a
 * Redis Cluster the file started (its prefix is then `{<run prefix><name>}`, a hash tag).
 */
export function useFaultStack(
  name: string,
  own: { postgres?: boolean; redis?: boolean; redisClusterNodes?: string } = {},
): Promise<FaultTest> {
  const prefix = `${inject("queuePrefix")}${name}`;
  const started = startFaultStack({
    database: `caseward_faults_${name}`,
    serverUrl: inject("databaseServerUrl"),
    redisUrl: inject("redisUrl"),
    queuePrefix: own.redisClusterNodes ? `{${prefix}}` : prefix,
    queueNames: Object.values(queues),
    ownPostgres: own.postgres,
    ownRedis: own.redis,
    redisClusterNodes: own.redisClusterNodes,
  });
  afterAll(async () => {
    await (await started.catch(() => undefined))?.stop();
  });
  return started.then((stack) => {
    const { db, smtp } = stack;
    return {
      ...stack,
      dueCases: (count) => bursts.dueCases(db, count),
      startWorkers: async <const Labels extends readonly string[]>(
        labels: Labels,
        options?: Parameters<FaultStack["startWorker"]>[1],
      ) => {
        const workers = labels.map((label) => stack.startWorker(label, options));
        await stack.waitForWorkers(workers.length, options?.prefix);
        return workers as { [L in keyof Labels]: WorkerProcess };
      },
      startBurst: (enqueue, burst, options) =>
        bursts.startBurst(enqueue, burst, smtp.deliveries, options),
      deliveriesOf: (caseIds) => bursts.deliveriesOf(caseIds, smtp.deliveries),
      allDelivered: (caseIds, timeoutMs, what) =>
        waitFor(() => bursts.allDelivered(db, caseIds, smtp.deliveries), timeoutMs, what, 250),
      tally: (caseIds) => bursts.tally(caseIds, smtp.deliveries),
      expectEachDeliveredOnce: (caseIds, rows) =>
        bursts.expectEachDeliveredOnce(caseIds, rows, smtp.deliveries),
    };
  });
}
