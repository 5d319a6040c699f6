// The outbox that heals itself (issue 16): a pending, due notification whose job was completed,
// failed or removed by hand (so its first job id is taken or gone) is queued again under a fresh
// id by the real worker's reconciler and sent once; duplicate jobs of one notification still
// send it once (the outbox's claim). So is a pending, due timer whose job was completed by hand.
import { fireTimer, releaseHeldNotifications } from "@caseward/core";
import {
  notificationJobId,
  notificationOfJob,
  queues,
  timerJobId,
  timerOfJob,
} from "@caseward/core/jobs";
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
    "a pending email whose job was completed, failed or removed by hand, or that has three jobs, and a pending timer whose job was completed by hand, are sent exactly once within 60 s; so is a released email whose job had completed",
    { timeout: 120_000 },
    async () => {
      const { caseIds, due } = await faults.dueCases(5);
      // The fifth timer stays pending: its job is completed by hand below.
      const pendingTimer = due[4]!;
      // Fired here, not by a worker: four pending, due notifications and no job for any.
      const owed: { id: string; sendAfter: Date }[] = [];
      for (const timer of due.slice(0, 4)) {
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
      // A timer's job completed by hand: its fixed id is taken, the timer still pending.
      const timerQueue = new Queue(queues.timers, { connection: redis, prefix });
      const timerByHand = new Worker(queues.timers, null, { connection: redis, prefix });
      const firstTimerJob = timerJobId(pendingTimer.id, pendingTimer.dueAt);
      await timerQueue.add("fire-timer", { timerId: pendingTimer.id }, { jobId: firstTimerJob });
      const timerJob = await timerByHand.getNextJob(token);
      expect(timerJob?.id).toBe(firstTimerJob);
      await timerJob.moveToCompleted("completed by hand", token, false);
      await timerByHand.close();
      expect(await timerQueue.getJobState(firstTimerJob)).toBe("completed");
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
      // The timer fired under a fresh id; its first job stays the one completed by hand.
      const timerJobs = await timerQueue.getRanges(["completed"], 0, -1);
      expect(
        timerJobs.filter((jobId) => timerOfJob(jobId)?.timerId === pendingTimer.id).sort(),
      ).toEqual([
        firstTimerJob,
        expect.stringMatching(new RegExp(`^${firstTimerJob}-r[a-z0-9]+$`)),
      ]);
      await timerQueue.close();

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
        `outbox healed: 3 jobless emails, one with 3 jobs and a timer whose job had completed, ` +
          `all sent once ${seconds(healedIn)} ` +
          `after the workers listened (${seconds(startedAt - spawnedAt)} to start them); a released ` +
          `email whose job had completed, ${seconds(releaseHealedIn)} after its release ` +
          `(reconcile every ${seconds(reconcileEveryMs)}).`,
      );
    },
  );
});
