import { fireDueTimers } from "@caseward/core";
import type { JobPayload } from "@caseward/core/jobs";
import { scheduleNotifications } from "@caseward/core/jobs";

import type { JobContext } from "../context";
import { sendNowRetryLater } from "../send-lanes";

/**
 * Fires the job's timer and, with it, other timers already due (a burst of deadlines goes out
 * in a few batches). The emails owed now go to the process's send lanes (sent beside the job, no
 * second job per email); one owed later (quiet hours, the reminder) gets its own delayed job.
 * A crash after the commit leaves unsent rows, which the reconciler re-queues.
 */
export async function fireTimerJob(ctx: JobContext, payload: JobPayload<"fire-timer">) {
  // A burst's later jobs: a batch of this process fired their timer already (fired is final).
  if (ctx.firedTimers?.has(payload.timerId)) return { fired: 0, sending: 0 };
  const started = Date.now();
  let fired = 0;
  let sending = 0;
  // While batches come back full, more are due: this job keeps firing them rather than leave
  // them to jobs that may be fetched late (a busy process fetches slowly); for a while only.
  // Meanwhile the send lanes start no new sends: the burst is fired first.
  let release: (() => void) | undefined;
  try {
    for (let more = true; more && Date.now() - started < keepFiringMs;) {
      const batch = await fireBatch(ctx, payload.timerId);
      fired += batch.fired;
      sending += batch.sending;
      more = batch.more;
      if (more) release ??= ctx.sendLanes?.hold();
    }
  } finally {
    release?.();
  }
  return { fired, sending };
}

/** How long one job keeps firing the batches of a burst. */
const keepFiringMs = 5_000;

async function fireBatch(ctx: JobContext, timerId: string) {
  const result = await fireDueTimers(ctx.db, timerId);
  ctx.firedTimers?.add(result.timerIds);
  ctx.metrics?.timerLateness(result.latenessMs);
  const now = Date.now();
  const dueNow = result.notifications.filter((n) => n.sendAfter.getTime() <= now).map((n) => n.id);
  // Committed first, then queued.
  await scheduleNotifications(
    ctx.enqueue,
    result.notifications.filter((n) => n.sendAfter.getTime() > now),
  );
  if (ctx.sendLanes) ctx.sendLanes.add(dueNow);
  else await sendNowRetryLater(ctx, dueNow);
  return { fired: result.fired, sending: dueNow.length, more: result.more };
}
