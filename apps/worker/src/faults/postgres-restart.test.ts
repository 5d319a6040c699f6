// PostgreSQL stops for ~10 s in the middle of a burst of due escalations and starts again on
// the same port and data. The workers must ride it out without a restart: every escalation
// sent once, and their /health back to 200. The PostgreSQL is this file's own (embedded).
import { sendLeaseMs } from "@caseward/core";
import { createJobProducer } from "@caseward/core/jobs";
import { freePort } from "@caseward/services/ports";
import { waitFor } from "@caseward/services/wait-for";
import { healthStatus, isRunning, stopWorker } from "@caseward/services/worker-process";
import { describe, expect, it } from "vitest";

import { seconds, sleep } from "./burst";
import { useFaultStack } from "./fault-stack";

const burst = 200;
const downMs = 10_000;

const faults = await useFaultStack("pgrestart", { postgres: true });
const postgres = faults.postgres!;

describe("the real worker when PostgreSQL restarts", () => {
  it(
    "PostgreSQL down for 10 s mid-burst: every escalation is sent once, /health is 200 again",
    { timeout: 150_000 },
    async () => {
      const { caseIds, due } = await faults.dueCases(burst);
      const healthPorts = [await freePort(), await freePort()];
      const workers = healthPorts.map((healthPort, i) =>
        faults.startWorker(`worker-${i}`, { healthPort }),
      );
      await faults.waitForWorkers(2);
      for (const port of healthPorts) {
        await waitFor(
          async () => ((await healthStatus(port)) === 200 ? true : undefined),
          10_000,
          `/health 200 on ${port}`,
        );
      }
      const producer = createJobProducer(faults.redis, faults.prefix);

      const started = await faults.startBurst(producer.enqueue, { caseIds, due });
      await postgres.stop();
      const downAt = Date.now();
      const sentBefore = faults.deliveriesOf(caseIds).length;
      // The workers notice: /health says 503 (Postgres down), it does not hang or die.
      const seen: (number | null)[] = [];
      await waitFor(
        async () => {
          seen.push(await healthStatus(healthPorts[0]!));
          return seen.at(-1) === 503 ? true : undefined;
        },
        downMs - 2_000,
        "/health 503 while PostgreSQL is down",
      ).catch((error: Error) => {
        throw new Error(`${error.message}; saw ${seen.join(", ")}\n${workers[0]!.output()}`);
      });
      await sleep(downMs - (Date.now() - downAt));
      await postgres.start();
      const upAt = Date.now();

      const rows = await faults.allDelivered(
        caseIds,
        // A claim committed just as the server went down waits out its lease once.
        sendLeaseMs + 45_000,
        "every escalation sent after PostgreSQL came back",
      );
      const doneAt = Date.now();
      for (const port of healthPorts) {
        await waitFor(
          async () => ((await healthStatus(port)) === 200 ? true : undefined),
          15_000,
          `/health 200 again on ${port}`,
        );
      }
      await sleep(2_000);
      const outputs = workers.map((worker) => worker.output()).join("\n");
      try {
        faults.expectEachDeliveredOnce(caseIds, rows);
      } catch (error) {
        console.warn(outputs);
        throw error;
      }
      for (const worker of workers) expect(await isRunning(worker), worker.output()).toBe(true);

      console.warn(
        `PostgreSQL restart: ${burst} timers, ${sentBefore} emails before the stop ` +
          `(${seconds(downAt - started)} after the burst), ${seconds(upAt - downAt)} down; ` +
          `all sent ${seconds(doneAt - upAt)} after it came back; ` +
          `${rows.filter((row) => row.attempts > 1).length} claimed more than once; ` +
          `pools replaced ${outputs.split("postgres pool replaced").length - 1} times.`,
      );
      await producer.close();
      await Promise.all(workers.map((worker) => stopWorker(worker)));
    },
  );
});
