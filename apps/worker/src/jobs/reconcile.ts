import {
  pendingTimersDueBy,
  queueDailyDigests,
  unfiledInboundMessages,
  unsentNotificationsDueBy,
} from "@caseward/core";
import {
  againSuffix,
  inboundOfJob,
  notificationOfJob,
  queues,
  scheduleInboundFiling,
  scheduleNotifications,
  scheduleTimers,
  timerOfJob,
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
 * Postgres is the source of truth: every pending timer and unsent email due soon that has no
 * job still to run gets one again (after a Redis wipe, or a job finished while its row stayed
 * pending); one whose job waits is left alone. It also owes the daily digests whose local hour has come, and files
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
  const timersRequeued = await requeueTimers(ctx, timers);
  const requeued = await requeueNotifications(ctx, notifications);
  const emailsRequeued = await requeueInbound(ctx, unfiled);
  return {
    timers: timers.length,
    timersRequeued,
    notifications: notifications.length,
    requeued,
    emails: unfiled.length,
    emailsRequeued,
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
  await scheduleNotifications(ctx.enqueue, jobless, now, againSuffix(now));
  return jobless.length;
}

/**
 * The same for timers: a pending timer with no job still to run for its current due time
 * (lost with Redis, or its job completed or failed while the row stayed pending: its fixed id
 * would keep a re-add from adding anything) is queued again under a fresh id. Firing is in one
 * transaction under a row lock, so a timer with two jobs still fires once.
 */
async function requeueTimers(ctx: JobContext, timers: { id: string; dueAt: Date }[]) {
  if (!ctx.liveJobIds) {
    await scheduleTimers(ctx.enqueue, timers);
    return timers.length;
  }
  const live = new Set(
    (await ctx.liveJobIds(queues.timers)).map((jobId) => {
      const job = timerOfJob(jobId);
      return job && `${job.timerId}@${job.dueAt}`;
    }),
  );
  const jobless = timers.filter((timer) => !live.has(`${timer.id}@${timer.dueAt.getTime()}`));
  const now = Date.now();
  await scheduleTimers(ctx.enqueue, jobless, now, againSuffix(now));
  return jobless.length;
}

/**
 * The same for received emails still waiting to be filed: one whose job failed (its attempts
 * spent while PostgreSQL was away, say), finished, or was lost is queued again under a fresh
 * id; one whose job waits or runs is left alone.
 */
async function requeueInbound(ctx: JobContext, unfiled: string[]) {
  if (!ctx.liveJobIds) {
    await scheduleInboundFiling(ctx.enqueue, unfiled);
    return unfiled.length;
  }
  const live = new Set<string | undefined>([
    ...(await ctx.liveJobIds(queues.inbound)).map(inboundOfJob),
    // The receiver's batches hold several emails under one job id.
    ...((await ctx.liveInboundBatchMembers?.()) ?? []),
  ]);
  const jobless = unfiled.filter((id) => !live.has(id));
  await scheduleInboundFiling(ctx.enqueue, jobless, againSuffix());
  return jobless.length;
}
