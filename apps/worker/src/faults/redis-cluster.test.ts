// The real worker on a real Redis Cluster (issue 16): six redis-server nodes of this file's own
// (3 masters, 3 replicas, node timeout 1 s, ports 7301–7306), two worker processes given
// REDIS_CLUSTER_NODES and a hash-tagged QUEUE_PREFIX. A burst is delivered once; the master of
// the queues' slot SIGKILLed mid-burst fails over to its replica and every email is still sent
// once; the worker's /health lists each node's reachability, and answers 503 while the queues'
// shard is down altogether, 200 again once it is back, without a restart.
import { createJobProducer, scheduleTimers } from "@caseward/core/jobs";
import { inArray } from "@caseward/db";
import { timers } from "@caseward/db/schema";
import { freePort } from "@caseward/services/ports";
import type { RedisCluster } from "@caseward/services/redis-cluster";
import { startRedisCluster } from "@caseward/services/redis-cluster";
import { waitFor } from "@caseward/services/wait-for";
import { killWorkers, stopWorker } from "@caseward/services/worker-process";
import type { Cluster } from "ioredis";
import { afterAll, describe, expect, it, onTestFailed, onTestFinished } from "vitest";

import { seconds, sleep } from "./burst";
import { useFaultStack } from "./fault-stack";

const cluster: RedisCluster = await startRedisCluster({ portFrom: 7301 });
// Registered first, so it runs last: after the fault stack killed the workers.
afterAll(() => cluster.stop());
const faults = await useFaultStack("cluster", { redisClusterNodes: cluster.nodeList });
const { redis, prefix } = faults;
const producer = createJobProducer(redis, prefix);
const reconcileEveryMs = 2_000;

interface WorkerHealth {
  status: string;
  redis: { ok: boolean; nodes?: { node: string; role: string; ok: boolean }[] };
}
async function workerHealth(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/health`, {
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: (await response.json()) as WorkerHealth };
}
const unreachable = (health: WorkerHealth) =>
  (health.redis.nodes ?? []).filter((n) => !n.ok).map((n) => n.node);

/**
 * Two workers, each with a health port. Started after a test made its due cases: their
 * reconciler, run as they start, would otherwise fire the cases before the burst is queued.
 */
async function startWorkers() {
  const healthPorts = [await freePort(), await freePort()];
  const workers = healthPorts.map((healthPort, i) =>
    faults.startWorker(`worker-${i}`, { reconcileEveryMs, healthPort }),
  );
  // What the workers said, should the test fail; stopped whatever the test's outcome.
  onTestFailed(() => {
    for (const worker of workers) console.error(`${worker.name}:\n${worker.output()}`);
  });
  onTestFinished(() => killWorkers(workers));
  await faults.waitForWorkers(workers.length);
  return {
    healthPort: healthPorts[0]!,
    stop: () => Promise.all(workers.map((worker) => stopWorker(worker))),
  };
}

describe("the real worker on a Redis Cluster", () => {
  it(
    "every key of the install is in one slot, and a burst of 100 due timers is emailed exactly once",
    { timeout: 90_000 },
    async () => {
      const burst = await faults.dueCases(100);
      const workers = await startWorkers();
      const started = await faults.startBurst(producer.enqueue, burst);
      const rows = await faults.allDelivered(burst.caseIds, 60_000, "the burst sent");
      const doneIn = Math.max(...faults.deliveriesOf(burst.caseIds).map((d) => d.at)) - started;
      await sleep(1_000);
      faults.expectEachDeliveredOnce(burst.caseIds, rows);
      // The queues' keys all live on one master: the one serving the prefix's hash tag.
      const owners: number[] = [];
      for (const node of (redis as Cluster).nodes("master")) {
        if ((await node.keys(`${prefix}:*`)).length > 0) owners.push(node.options.port!);
      }
      const { master } = await cluster.shardOf(`${prefix}:email:wait`);
      expect(owners).toEqual([master.port]);
      console.warn(
        `Redis Cluster: 100 timers emailed once, the last ${seconds(doneIn)} after queueing.`,
      );
      await workers.stop();
    },
  );

  it(
    "the master of the queues' slot SIGKILLed mid-burst: its replica takes over and every email is sent once",
    { timeout: 120_000 },
    async () => {
      // 100 due now, fired in the first second; 40 due a few seconds after the kill, whose
      // delayed jobs are in Redis when the master dies: they must come out of its replica.
      const burst = await faults.dueCases(140);
      const later = burst.due.slice(100);
      const laterIds = later.map((t) => t.id);
      // Not due yet (their first jobs, from the workers' reconciler, find them moved later).
      await faults.db
        .update(timers)
        .set({ dueAt: new Date(Date.now() + 5 * 60_000) })
        .where(inArray(timers.id, laterIds));
      const workers = await startWorkers();
      const { master, replicas } = await cluster.shardOf(`${prefix}:email:wait`);
      expect(replicas).toHaveLength(1);
      const started = await faults.startBurst(producer.enqueue, {
        caseIds: burst.caseIds,
        due: burst.due.slice(0, 100),
      });
      const laterDue = new Date(Date.now() + 3_000);
      await faults.db.update(timers).set({ dueAt: laterDue }).where(inArray(timers.id, laterIds));
      await scheduleTimers(
        producer.enqueue,
        later.map((t) => ({ id: t.id, dueAt: laterDue })),
      );
      const sentBeforeKill = faults.deliveriesOf(burst.caseIds).length;
      await cluster.kill(master.port);
      const killedAt = Date.now();
      const promoted = await waitFor(
        async () => {
          const now = await cluster.shardOf(`${prefix}:email:wait`).catch(() => undefined);
          return now && now.master.port !== master.port ? now.master : undefined;
        },
        15_000,
        "the replica promoted",
        50,
      );
      const failedOverAt = Date.now();
      expect(promoted.port).toBe(replicas[0]!.port);
      const rows = await faults
        .allDelivered(burst.caseIds, 60_000, "every email after failover")
        .catch(async (error: unknown) => {
          // What was left, to tell a lost job from a stuck worker.
          const left = await faults.db
            .select({ status: timers.status, dueAt: timers.dueAt })
            .from(timers)
            .where(inArray(timers.caseId, burst.caseIds));
          const pending = left.filter((t) => t.status === "pending");
          console.error(
            `left: ${pending.length} timers pending (due ${pending
              .slice(0, 3)
              .map((t) => t.dueAt.toISOString())
              .join(", ")}); queues ${JSON.stringify(await producer.depths().catch(String))}; ` +
              `delivered ${faults.deliveriesOf(burst.caseIds).length}`,
          );
          throw error;
        });
      const laterCases = new Set(
        (
          await faults.db
            .select({ caseId: timers.caseId })
            .from(timers)
            .where(inArray(timers.id, laterIds))
        ).map((t) => t.caseId),
      );
      const laterAt = faults
        .deliveriesOf([...laterCases])
        .map((d) => d.at)
        .sort((x, y) => x - y);
      const lastEmailAt = Math.max(...faults.deliveriesOf(burst.caseIds).map((d) => d.at));
      await sleep(2 * reconcileEveryMs);
      faults.expectEachDeliveredOnce(burst.caseIds, rows);
      expect(laterAt).toHaveLength(40);
      expect(laterAt[0]!).toBeGreaterThan(failedOverAt - 500);

      // The worker's /health: still ok (the slot has a master), the dead node listed unreachable.
      const degraded = await workerHealth(workers.healthPort);
      expect(degraded.status).toBe(200);
      expect(degraded.body.redis.ok).toBe(true);
      expect(degraded.body.redis.nodes).toHaveLength(6);
      expect(unreachable(degraded.body)).toEqual([master.address]);
      // Started again, the old master rejoins as a replica: every node reachable, no restart.
      await cluster.restart(master.port);
      await cluster.waitUntilOk();
      const healed = await waitFor(
        async () => {
          const { body } = await workerHealth(workers.healthPort);
          const back = body.redis.nodes?.find((n) => n.node === master.address);
          return unreachable(body).length === 0 && back?.role === "replica" ? body : undefined;
        },
        20_000,
        "every node reachable again, the old master a replica",
        250,
      );
      expect(healed.status).toBe("ok");

      const timeline =
        `kill → failover ${failedOverAt - killedAt} ms → the 40 delayed timers' emails ` +
        `${laterAt[0]! - killedAt}–${laterAt.at(-1)! - killedAt} ms (due at ` +
        `${laterDue.getTime() - killedAt} ms) → last email ${lastEmailAt - killedAt} ms`;
      console.warn(
        `Redis Cluster failover: 140 timers, ${sentBeforeKill} emailed before the kill ` +
          `(${seconds(killedAt - started)} after queueing); ${timeline}; ` +
          `${rows.filter((row) => row.attempts > 1).length} claimed more than once; each sent once.`,
      );
      expect(failedOverAt - killedAt).toBeLessThan(15_000);
      await workers.stop();
    },
  );

  it(
    "the queues' shard down altogether: /health answers 503 within seconds, and 200 again once it is back",
    { timeout: 90_000 },
    async () => {
      const workers = await startWorkers();
      const { master, replicas } = await cluster.shardOf(`${prefix}:email:wait`);
      const shard = [master, ...replicas];
      for (const node of shard) await cluster.kill(node.port);
      const downAt = Date.now();
      const down = await waitFor(
        async () => {
          const health = await workerHealth(workers.healthPort);
          return health.status === 503 ? health : undefined;
        },
        20_000,
        "/health 503",
        100,
      );
      const failedIn = Date.now() - downAt;
      expect(down.body.status).toBe("degraded");
      expect(down.body.redis.ok).toBe(false);
      expect(unreachable(down.body).sort()).toEqual(shard.map((n) => n.address).sort());
      // Each answer comes fast: a health check is not held up by the dead shard.
      const askedAt = Date.now();
      expect((await workerHealth(workers.healthPort)).status).toBe(503);
      const answeredIn = Date.now() - askedAt;
      expect(answeredIn).toBeLessThan(3_000);

      for (const node of shard) await cluster.restart(node.port);
      await cluster.waitUntilOk();
      const backAt = Date.now();
      await waitFor(
        async () => ((await workerHealth(workers.healthPort)).status === 200 ? true : undefined),
        30_000,
        "/health 200 again",
        250,
      );
      const recoveredIn = Date.now() - backAt;
      console.warn(
        `Redis Cluster shard down: /health 503 ${failedIn} ms after the kill, each answer in ` +
          `${answeredIn} ms; 200 again ${recoveredIn} ms after the nodes were back (same process).`,
      );
      await workers.stop();
    },
  );
});
