// The outbox that heals itself (issue 16): a pending, due notification whose job was completed,
// failed or removed by hand (so its first job id is taken or gone) is queued again under a fresh
// id by the real worker's reconciler and sent once; duplicate jobs of one notification still
// send it once (the outbox's claim).
import { fireTimer, releaseHeldNotifications } from "@caseward/core";
import { notificationJobId, notificationOfJob, queues } from "@caseward/core/jobs";
import { eq } from "@caseward/db";
import { timers, users } from "@caseward/db/schema";
import { waitFor } from "@caseward/services/wait-for";
import { Queue, Worker } from "bullmq";
import { describe, expect, it } from "vitest";

import { seconds, sleep } from "./burst";
import { useFaultStack } from "./fault-stack";
import { caseWaitingOnCompany } from "../testing/case-waiting-on-company";

const faults = await useFaultStack("heal");
const { redis, prefix } = faults;
/** The test's reconcile period: the default minute would only make the test slow. */
const reconcileEveryMs = 2_000;

describe("the real worker's reconciler heals the outbox", () => {
  it(
    "a pending email whose job was completed, failed or removed by hand, or that has three jobs, is sent exactly once within 60 s; so is a released email whose job had completed",
    { timeout: 120_000 },
    async () => {
      const { caseIds, due } = await faults.dueCases(4);
      // Fired here, not by a worker: four pending, due notifications and no job for any.
      const owed: { id: string; sendAfter: Date }[] = [];
      for (const timer of due) {
        const { notifications } = await fireTimer(faults.db, timer.id);
        expect(notifications).toHaveLength(1);
        owed.push(notifications[0]!);
      }
      expect(owed.every((n) => n.sendAfter.getTime() <= Date.now())).toBe(true);
      const [completed, failed, removed, tripled] = owed.map((n) => n.id) as [
        string,
        string,
        string,
        string,
      ];

      const email = new Queue(queues.email, { connection: redis, prefix });
      const byHand = new Worker(queues.email, null, { connection: redis, prefix });
      const token = "by-hand";
      const takeNext = async () => {
        const job = await byHand.getNextJob(token);
        if (!job) throw new Error("no job to take by hand");
        return job;
      };
      const send = (id: string, again?: string, attempts = 8) =>
        email.add(
          "send-notification",
          { notificationId: id },
          { jobId: notificationJobId(id, again), attempts },
        );
      // Completed by hand: the id `notification-<id>` is taken, the row still pending.
      await send(completed);
      await (await takeNext()).moveToCompleted("completed by hand", token, false);
      // Failed by hand after its last attempt.
      await send(failed, undefined, 1);
      await (await takeNext()).moveToFailed(new Error("failed by hand"), token, false);
      // Removed by hand.
      const gone = await send(removed);
      await gone.remove();
      // Three jobs waiting for one email.
      for (const again of [undefined, "x1", "x2"]) await send(tripled, again);
      await byHand.close();
      expect(await email.getJobState(notificationJobId(completed))).toBe("completed");
      expect(await email.getJobState(notificationJobId(failed))).toBe("failed");
      expect(await email.getJobState(notificationJobId(removed))).toBe("unknown");

      const spawnedAt = Date.now();
      await faults.startWorkers(["worker-a", "worker-b"], { reconcileEveryMs });
      const startedAt = Date.now();
      const rows = await faults.allDelivered(caseIds, 60_000, "every email sent");
      const healedIn = Math.max(...faults.tally(caseIds).perCase.map((c) => c.firstAt)) - startedAt;
      // Several reconcile periods more: a duplicate or an endless re-queue would show now.
      await sleep(4 * reconcileEveryMs);
      faults.expectEachDeliveredOnce(caseIds, rows);
      expect(healedIn).toBeLessThan(60_000);

      // The healed ones went out under fresh ids, and nothing of these four is left to run.
      const finished = await email.getRanges(["completed"], 0, -1);
      for (const id of [completed, failed, removed]) {
        expect(
          finished.filter((jobId) => jobId.startsWith(`${notificationJobId(id)}-r`)),
        ).toHaveLength(1);
      }
      const live = await email.getRanges(["waiting", "delayed", "active", "prioritized"], 0, -1);
      expect(live.map(notificationOfJob).filter((id) => owed.some((n) => n.id === id))).toEqual([]);

      // While the workers run: an email held for an unconfirmed address (its job completed,
      // holding it), then released with no new job, as a web process that died before queueing
      // would leave it. Its first id is taken: the reconciler's next run must queue it afresh.
      const held = await caseWaitingOnCompany(faults.db, { emailVerified: false });
      const [timer] = await faults.db.select().from(timers).where(eq(timers.caseId, held.caseId));
      const [owedHeld] = (await fireTimer(faults.db, timer!.id)).notifications;
      await send(owedHeld!.id);
      await waitFor(
        async () =>
          (await email.getJobState(notificationJobId(owedHeld!.id))) === "completed"
            ? true
            : undefined,
        30_000,
        "the held email's job done",
        100,
      );
      await faults.db.update(users).set({ emailVerified: true }).where(eq(users.id, held.user.id));
      const released = await releaseHeldNotifications(faults.db, held.user.id);
      expect(released.map((n) => n.id)).toEqual([owedHeld!.id]);
      const releasedAt = Date.now();
      const [heldRow] = await faults.allDelivered([held.caseId], 60_000, "the released email sent");
      const releaseHealedIn = faults.tally([held.caseId]).perCase[0]!.firstAt - releasedAt;
      await sleep(3 * reconcileEveryMs);
      faults.expectEachDeliveredOnce([held.caseId], [heldRow!]);
      expect(releaseHealedIn).toBeLessThan(60_000);
      await email.close();
      console.warn(
        `outbox healed: 3 jobless emails and one with 3 jobs, all sent once ${seconds(healedIn)} ` +
          `after the workers listened (${seconds(startedAt - spawnedAt)} to start them); a released ` +
          `email whose job had completed, ${seconds(releaseHealedIn)} after its release ` +
          `(reconcile every ${seconds(reconcileEveryMs)}).`,
      );
    },
  );
});
