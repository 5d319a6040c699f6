import {
  pendingTimersDueBy,
  queueDailyDigests,
  unfiledInboundMessages,
  unsentNotificationsDueBy,
} from "@caseward/core";
import { scheduleInboundFiling, scheduleNotifications, scheduleTimers } from "@caseward/core/jobs";

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
 * again. Job ids are deterministic, so jobs that exist are not doubled; after a Redis wipe the
 * lost ones come back. It also owes the daily digests whose local hour has come, and files
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
  await scheduleNotifications(ctx.enqueue, notifications);
  await scheduleInboundFiling(ctx.enqueue, unfiled);
  return { timers: timers.length, notifications: notifications.length, emails: unfiled.length };
}
