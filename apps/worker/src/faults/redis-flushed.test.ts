// FLUSHALL on Redis in the middle of a burst of due escalations, with two real workers running.
// Redis holds only derived state (PRODUCT.md): the reconciler rebuilds every lost job from
// Postgres, and nothing is restarted. The Redis is this file's own: never flush the shared one.
import { createJobProducer, queues, scheduleTimers } from "@caseward/core/jobs";
import { waitFor } from "@caseward/services/wait-for";
import { isRunning, stopWorker } from "@caseward/services/worker-process";
import { Queue } from "bullmq";
import { describe, expect, it } from "vitest";

import { schedulerCheckEveryMs } from "../queues/timers";
import { seconds, sleep } from "./burst";
import { useFaultStack } from "./fault-stack";

const burst = 200;

const faults = await useFaultStack("flush", { redis: true });
const { redis, prefix } = faults;

describe("the real worker when Redis is wiped", () => {
  it(
    "FLUSHALL mid-burst: the reconciler rebuilds the jobs, every escalation is sent once, queues work again",
    { timeout: 150_000 },
    async () => {
      const { caseIds, due } = await faults.dueCases(burst);
      const workers = await faults.startWorkers(["worker-a", "worker-b"]);
      const producer = createJobProducer(redis, prefix);

      const started = await faults.startBurst(producer.enqueue, { caseIds, due });
      await redis.flushall();
      const flushedAt = Date.now();
      const sentBeforeFlush = faults.deliveriesOf(caseIds).length;

      // Each worker checks every `schedulerCheckEveryMs` that the reconcile scheduler is still
      // in Redis and puts it back; its first run is then immediate and re-queues what is owed.
      const rows = await faults.allDelivered(
        caseIds,
        schedulerCheckEveryMs + 60_000,
        "every escalation sent after the flush",
      );
      const recoveredAt = Date.now();
      // A duplicate would come now if at all.
      await sleep(2_000);
      faults.expectEachDeliveredOnce(caseIds, rows);

      // Working again without a restart: the scheduler is back and a new deadline is emailed.
      for (const worker of workers) expect(await isRunning(worker), worker.output()).toBe(true);
      const timersQueue = new Queue(queues.timers, { connection: redis, prefix });
      // The emails may all be out before the check comes round (the outbox had them): wait for it.
      const scheduler = await waitFor(
        () => timersQueue.getJobScheduler("reconcile"),
        schedulerCheckEveryMs + 5_000,
        "the reconcile scheduler back in Redis",
        250,
      );
      expect(scheduler).toMatchObject({ key: "reconcile" });
      await timersQueue.close();
      const after = await faults.dueCases(1);
      await scheduleTimers(producer.enqueue, after.due);
      const afterRows = await faults.allDelivered(
        after.caseIds,
        15_000,
        "an escalation queued after the recovery",
      );
      faults.expectEachDeliveredOnce(after.caseIds, afterRows);

      console.warn(
        `FLUSHALL: ${burst} timers, ${sentBeforeFlush} emails before the flush ` +
          `(${seconds(flushedAt - started)} after the burst); all sent ` +
          `${seconds(recoveredAt - flushedAt)} after the flush; ` +
          `${rows.filter((row) => row.attempts > 1).length} claimed more than once.`,
      );
      await producer.close();
      await Promise.all(workers.map((worker) => stopWorker(worker)));
    },
  );
});
