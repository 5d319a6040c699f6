// The SMTP server goes away for a minute in the middle of a burst of due escalations, then a new
// one listens on the same port. The retries of `send-notification` must outlast the outage, and
// every escalation must arrive once: a failed SMTP session is not a sent email.
import { createJobProducer, jobAttempts } from "@caseward/core/jobs";
import { isRunning, stopWorker } from "@caseward/services/worker-process";
import { describe, expect, it } from "vitest";

import { seconds, sleep } from "./burst";
import { useFaultStack } from "./fault-stack";

const burst = 200;
const outageMs = 60_000;
// BullMQ's exponential backoff waits 2 s × 2^(n−1) after the n-th failure: 2, 4, 8, 16, 32, 64,
// 128 s. Attempt k thus starts 2 s × (2^(k−1) − 1) after the first failure: attempt 6 at 62 s,
// 7 at 126 s, 8 (the last of jobAttempts) at 254 s. A first failure comes at the earliest when
// the sink closes, so attempt 6 already falls after a 60 s outage; the 8 attempts would cover
// an outage of about 4 minutes.
const retryWindowMs = (attempts: number) => 2_000 * (2 ** (attempts - 1) - 1);

const faults = await useFaultStack("smtpdown");
const smtp = faults.smtp;

describe("the real worker when SMTP is down", () => {
  it("the retries outlast a one-minute outage", () => {
    expect(retryWindowMs(6)).toBeGreaterThan(outageMs);
    expect(retryWindowMs(jobAttempts)).toBeGreaterThanOrEqual(4 * outageMs);
  });

  it(
    "SMTP down for a minute mid-burst: every escalation is sent once after it comes back",
    { timeout: 180_000 },
    async () => {
      const { caseIds, due } = await faults.dueCases(burst);
      const workers = await faults.startWorkers(["worker-a", "worker-b"]);
      const producer = createJobProducer(faults.redis, faults.prefix);

      const started = await faults.startBurst(producer.enqueue, { caseIds, due });
      await smtp.stop();
      const downAt = Date.now();
      const atStop = smtp.deliveries.length;
      const sentBefore = faults.deliveriesOf(caseIds).length;
      await sleep(outageMs - (Date.now() - downAt));
      await smtp.start();
      const upAt = Date.now();
      const duringOutage = smtp.deliveries.length - atStop;

      const rows = await faults.allDelivered(
        caseIds,
        // Attempt 7 of an email that first failed at `downAt`, with room to spare.
        retryWindowMs(7) - outageMs + 15_000,
        "every escalation sent after SMTP came back",
      );
      const doneAt = Date.now();
      await sleep(2_000);
      faults.expectEachDeliveredOnce(caseIds, rows);
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
