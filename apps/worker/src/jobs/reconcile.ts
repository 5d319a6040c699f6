import {
  pendingTimersDueBy,
  queueDailyDigests,
  unfiledInboundMessages,
  unsentNotificationsDueBy,
} from "@caseward/core";
import {
  notificationOfJob,
  queues,
  scheduleInboundFiling,
  scheduleNotifications,
  scheduleTimers,
} from "@caseward/core/jobs";

import type { JobContext } from "../context";

/**
 * A received email not filed this long after it was stored gets its filing job again: the
 * receiver may have died between its 250 and queueing the job, or Redis lost it.
 */
export const unfiledGraceMs = 30_000;

/** How far ahead the reconciler looks: later deadlines got their delayed job when created. */
export const reconcileHorizonMs = 10 * 60_000;

/**
 * Postgres is the source of truth: every pending timer and unsent email due soon gets its job
 * again. Timer job ids are deterministic, so jobs that exist are not doubled; after a Redis wipe
 * the lost ones come back. It also owes the daily digests whose local hour has come, and files
 * received emails still waiting (ids only in the jobs, one job id per message).
 */
export async function reconcileJob(ctx: JobContext) {
  // Today's digests become unsent notifications, picked up just below.
  await queueDailyDigests(ctx.db);
  const until = new Date(Date.now() + reconcileHorizonMs);
  const [timers, notifications, unfiled] = await Promise.all([
    pendingTimersDueBy(ctx.db, until),
    unsentNotificationsDueBy(ctx.db, until),
    unfiledInboundMessages(ctx.db, new Date(Date.now() - unfiledGraceMs)),
  ]);
  await scheduleTimers(ctx.enqueue, timers);
  const requeued = await requeueNotifications(ctx, notifications);
  await scheduleInboundFiling(ctx.enqueue, unfiled);
  return {
    timers: timers.length,
    notifications: notifications.length,
    requeued,
    emails: unfiled.length,
  };
}

/**
 * The outbox that heals itself (issue 16): an unsent notification with no job still to run
 * (never queued, lost with Redis, or its job completed or failed while the row stayed pending)
 * is queued again under a fresh id; one whose job waits, is delayed or runs is left alone.
 * Read after the rows: a job that finished in between finds its row sent and claims nothing
 * (the outbox's claim keeps every email to one send).
 */
async function requeueNotifications(
  ctx: JobContext,
  notifications: { id: string; sendAfter: Date }[],
) {
  if (!ctx.liveJobIds) {
    await scheduleNotifications(ctx.enqueue, notifications);
    return notifications.length;
  }
  const live = new Set((await ctx.liveJobIds(queues.email)).map(notificationOfJob));
  const jobless = notifications.filter((notification) => !live.has(notification.id));
  const now = Date.now();
  await scheduleNotifications(ctx.enqueue, jobless, now, `r${now.toString(36)}`);
  return jobless.length;
}
