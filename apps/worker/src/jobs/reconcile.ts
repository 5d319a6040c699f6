import { pendingTimersDueBy, queueDailyDigests, unsentNotificationsDueBy } from "@caseward/core";
import { scheduleNotifications, scheduleTimers } from "@caseward/core/jobs";

import type { JobContext } from "../context";

/** How far ahead the reconciler looks: later deadlines got their delayed job when created. */
export const reconcileHorizonMs = 10 * 60_000;

/**
 * Postgres is the source of truth: every pending timer and unsent email due soon gets its job
 * again. Job ids are deterministic, so jobs that exist are not doubled; after a Redis wipe the
 * lost ones come back. It also owes the daily digests whose local hour has come.
 */
export async function reconcileJob(ctx: JobContext) {
  // Today's digests become unsent notifications, picked up just below.
  await queueDailyDigests(ctx.db);
  const until = new Date(Date.now() + reconcileHorizonMs);
  const [timers, notifications] = await Promise.all([
    pendingTimersDueBy(ctx.db, until),
    unsentNotificationsDueBy(ctx.db, until),
  ]);
  await scheduleTimers(ctx.enqueue, timers);
  await scheduleNotifications(ctx.enqueue, notifications);
  return { timers: timers.length, notifications: notifications.length };
}
