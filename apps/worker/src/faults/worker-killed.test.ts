// Fault tests of the escalation engine with the REAL worker: two worker processes (as production
// runs them) on one real Redis and Postgres, sending to a real SMTP server in this process. One is killed
// (SIGKILL) or stopped (SIGTERM) in the middle of a burst of due timers; every escalation must
// still be delivered, under one Message-ID each.
import { notificationMessageId, sendBatchSize, sendLeaseMs } from "@caseward/core";
import { createJobProducer, queues } from "@caseward/core/jobs";
import { stopWorker } from "@caseward/services/worker-process";
import { Queue } from "bullmq";
import { describe, expect, it } from "vitest";

import { sendLaneCount } from "../send-lanes";
import { seconds, sleep } from "./burst";
import { useFaultStack } from "./fault-stack";

const burst = 200;
const termBurst = 1_000;
const concurrency = 10;

const faults = await useFaultStack("killed");
const { smtp } = faults;

/** A queue prefix of this scenario's own, its producer, and how its workers start. */
function scenario(name: string) {
  const prefix = `${faults.prefix}${name}`;
  const producer = createJobProducer(faults.redis, prefix);
  return { prefix, producer, workers: { prefix, concurrency } };
}

describe("the real worker under faults", () => {
  it(
    "SIGKILL of one of two workers mid-burst: every escalation is delivered, one Message-ID each",
    { timeout: 180_000 },
    async () => {
      const { producer, workers } = scenario("kill");
      // Cases first: a worker's reconciler, run as it starts, would fire them one by one.
      const { caseIds, due } = await faults.dueCases(burst);
      const [first, second] = await faults.startWorkers(["worker-a", "worker-b"], workers);

      const started = await faults.startBurst(producer.enqueue, { caseIds, due });
      first.kill("SIGKILL");
      const killedAt = Date.now();
      const sentBeforeKill = faults.deliveriesOf(caseIds).length;
      const killed = await first.exited;
      const replacement = faults.startWorker("worker-c", workers);

      const rows = await faults.allDelivered(
        caseIds,
        // BullMQ finds the dead worker's jobs stalled after 30–60 s, and a claimed email
        // waits for its send lease (sendLeaseMs) to end before another worker may retry it.
        sendLeaseMs + 75_000,
        "every escalation sent",
      );
      const recoveredAt = Date.now();
      // A duplicate would come now if at all.
      await sleep(1_500);
      const deliveries = faults.deliveriesOf(caseIds);
      const { perCase, duplicates, lost: unsent } = faults.tally(caseIds);
      const lost = unsent.length;
      const rowOf = new Map(rows.map((row) => [row.caseId!, row]));
      // Claimed by the dead worker, retried by another once the lease ended.
      const retried = rows.filter((row) => row.attempts > 1);
      // The duplicate window of every email: accepted by SMTP → `sent` stamped by the worker.
      const gaps = perCase
        .filter((c) => c.emails === 1)
        .map((c) => rowOf.get(c.caseId)!.sentAt!.getTime() - c.firstAt)
        .sort((a, b) => a - b);
      const gapAt = (p: number) => gaps[Math.min(gaps.length - 1, Math.ceil(p * gaps.length) - 1)];

      console.warn(
        [
          `SIGKILL: ${burst} timers, ${sentBeforeKill} emails before the kill ` +
            `(${seconds(killedAt - started)} after the burst); all sent ` +
            `${seconds(recoveredAt - killedAt)} after the kill; ${retried.length} emails the ` +
            `dead worker had claimed were retried after the ${sendLeaseMs / 1000} s lease.`,
          `  raw deliveries ${deliveries.length} for ${burst} notifications: ` +
            `${duplicates.length} duplicate(s) with the SAME Message-ID (SMTP accepted, ` +
            `worker died before the 'sent' commit), lost ${lost}.`,
          ...duplicates.map(
            (c) =>
              `  duplicate: case ${c.caseId} ×${c.emails} ${[...c.messageIds].join(", ")}, ` +
              `first copy received ${Math.abs(killedAt - c.firstAt)} ms ` +
              `${c.firstAt <= killedAt ? "before" : "after"} the kill`,
          ),
          `  SMTP accept → 'sent' stamp, per email: median ${gapAt(0.5)} ms, ` +
            `p99 ${gapAt(0.99)} ms, max ${gaps.at(-1)} ms (a kill inside it makes a duplicate); ` +
            `${smtp.truncated} message(s) cut off mid-DATA by the kill.`,
        ].join("\n"),
      );

      expect(killed.signal).toBe("SIGKILL");
      expect(rows).toHaveLength(burst);
      expect(rows.every((row) => row.state === "sent")).toBe(true);
      expect(lost).toBe(0);
      // One Message-ID per notification, the notification's own: a retry is recognisable.
      for (const c of perCase) {
        expect(c.messageIds.size, `Message-IDs of case ${c.caseId}`).toBe(1);
        expect([...c.messageIds][0]).toBe(notificationMessageId(rowOf.get(c.caseId)!.id));
      }
      // Only what the dead worker held was retried (its outbox's claims in progress, and the
      // email jobs it was running), and only such an email can come twice.
      expect(retried.length).toBeLessThanOrEqual(sendLaneCount * sendBatchSize + concurrency);
      for (const c of duplicates) expect(rowOf.get(c.caseId)!.attempts).toBeGreaterThan(1);

      await producer.close();
      await Promise.all([stopWorker(second), stopWorker(replacement)]);
    },
  );

  it(
    "SIGTERM of one of two workers mid-burst: it finishes its jobs and exits 0, the other sends the rest once",
    { timeout: 90_000 },
    async () => {
      const { prefix, producer, workers } = scenario("term");
      // Larger than the others: a worker sends a few hundred emails a second, and the signal
      // must land while the burst is in flight.
      const { caseIds, due } = await faults.dueCases(termBurst);
      const [stopping, staying] = await faults.startWorkers(["worker-d", "worker-e"], workers);

      const started = await faults.startBurst(producer.enqueue, { caseIds, due }, { everyMs: 10 });
      const signalledAt = Date.now();
      // To the worker process only, as `docker stop` signals a container.
      stopping.signal("SIGTERM");
      const atSignal = faults.deliveriesOf(caseIds).length;
      expect(atSignal, "the signal came after the burst").toBeLessThan(termBurst / 2);
      const exit = await Promise.race([
        stopping.exited,
        new Promise<null>((r) => setTimeout(() => r(null), 12_000)),
      ]);
      expect(exit, `worker output:\n${stopping.output()}`).not.toBeNull();
      expect(exit!.code, stopping.output()).toBe(0);
      expect(exit!.at - signalledAt).toBeLessThan(10_000);
      const atExit = faults.deliveriesOf(caseIds).length;

      // Well before any lease or stalled-job check could matter: nothing was left half done.
      const rows = await faults.allDelivered(caseIds, 30_000, "every escalation sent");
      const doneAt = Date.now();
      await sleep(1_500);
      const deliveries = faults.deliveriesOf(caseIds);
      const { perCase, duplicates, lost: unsent } = faults.tally(caseIds);
      const lost = unsent.length;
      console.warn(
        `SIGTERM: ${termBurst} timers, ${atSignal} emails at the signal; the worker exited ` +
          `${exit!.code} ${seconds(exit!.at - signalledAt)} after it (${atExit} emails by then, ` +
          `${seconds(signalledAt - started)} into the burst); the other sent the rest, all done ` +
          `${seconds(doneAt - signalledAt)} after the signal; raw deliveries ` +
          `${deliveries.length}, duplicates ${duplicates.length}, lost ${lost}.`,
      );

      expect(lost).toBe(0);
      expect(duplicates).toEqual([]);
      expect(perCase.every((c) => c.emails === 1)).toBe(true);
      // attempts 1 everywhere: no email was claimed and abandoned by the stopping worker.
      expect(rows.map((row) => [row.state, row.attempts])).toEqual(rows.map(() => ["sent", 1]));
      const queue = new Queue(queues.timers, { connection: faults.redis, prefix });
      const counts = await queue.getJobCounts("failed", "active");
      await queue.close();
      expect(counts).toMatchObject({ failed: 0 });

      await producer.close();
      await stopWorker(staying);
    },
  );
});
