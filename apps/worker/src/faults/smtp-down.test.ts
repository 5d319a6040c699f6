// The SMTP server goes away for a minute in the middle of a burst of due escalations, then a new
// one listens on the same port. The retries of `send-notification` must outlast the outage, and
// every escalation must arrive once: a failed SMTP session is not a sent email.
import { createJobProducer, jobAttempts } from "@caseward/core/jobs";
import { waitFor } from "@caseward/services/wait-for";
import { isRunning, stopWorker } from "@caseward/services/worker-process";
import { describe, expect, it } from "vitest";

import {
  allDelivered,
  deliveriesOf,
  dueCases,
  expectEachDeliveredOnce,
  seconds,
  sleep,
  startBurst,
} from "./burst";
import { useFaultStack } from "./fault-stack";

const burst = 200;
const outageMs = 60_000;
// BullMQ's exponential backoff waits 2 s × 2^(n−1) after the n-th failure: 2, 4, 8, 16, 32, 64,
// 128 s. Attempt k thus starts 2 s × (2^(k−1) − 1) after the first failure: attempt 6 at 62 s,
// 7 at 126 s, 8 (the last of jobAttempts) at 254 s. A first failure comes at the earliest when
// the sink closes, so attempt 6 already falls after a 60 s outage; the 8 attempts would cover
// an outage of about 4 minutes.
const retryWindowMs = (attempts: number) => 2_000 * (2 ** (attempts - 1) - 1);

const stack = await useFaultStack("smtpdown");
const smtp = stack.smtp;

describe("the real worker when SMTP is down", () => {
  it("the retries outlast a one-minute outage", () => {
    expect(retryWindowMs(6)).toBeGreaterThan(outageMs);
    expect(retryWindowMs(jobAttempts)).toBeGreaterThanOrEqual(4 * outageMs);
  });

  it(
    "SMTP down for a minute mid-burst: every escalation is sent once after it comes back",
    { timeout: 180_000 },
    async () => {
      const db = stack.db;
      const { caseIds, due } = await dueCases(db, burst);
      const workers = [stack.startWorker("worker-a"), stack.startWorker("worker-b")];
      await stack.waitForWorkers(2);
      const producer = createJobProducer(stack.redis, stack.prefix);

      const started = await startBurst(producer.enqueue, { caseIds, due }, smtp.deliveries);
      await smtp.stop();
      const downAt = Date.now();
      const atStop = smtp.deliveries.length;
      const sentBefore = deliveriesOf(caseIds, smtp.deliveries).length;
      await sleep(outageMs - (Date.now() - downAt));
      await smtp.start();
      const upAt = Date.now();
      const duringOutage = smtp.deliveries.length - atStop;

      const rows = await waitFor(
        () => allDelivered(db, caseIds, smtp.deliveries),
        // Attempt 7 of an email that first failed at `downAt`, with room to spare.
        retryWindowMs(7) - outageMs + 15_000,
        "every escalation sent after SMTP came back",
        250,
      );
      const doneAt = Date.now();
      await sleep(2_000);
      expectEachDeliveredOnce(caseIds, rows, smtp.deliveries);
      expect(duringOutage).toBe(0);
      for (const worker of workers) expect(await isRunning(worker), worker.output()).toBe(true);
      const attempts = rows.map((row) => row.attempts);

      console.warn(
        `SMTP down: ${burst} timers, ${sentBefore} emails before the outage ` +
          `(${seconds(downAt - started)} after the burst), ${seconds(upAt - downAt)} down; ` +
          `all sent ${seconds(doneAt - upAt)} after it came back; attempts per email ` +
          `max ${Math.max(...attempts)}, ${attempts.filter((n) => n > 1).length} retried; ` +
          `${smtp.truncated} cut off mid-DATA.`,
      );
      await producer.close();
      await Promise.all(workers.map((worker) => stopWorker(worker)));
    },
  );
});
