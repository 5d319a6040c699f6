import { fireBatchSize, fireDueTimers } from "@caseward/core";
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
  // The first batch is small and the send lanes take each batch's emails as it commits: the
  // first emails of a burst go out while the rest is fired (the lanes waited for the whole
  // burst before, and a batch of 500 took a few hundred ms to commit under load).
  let limit = firstFireBatchSize;
  for (let more = true; more && Date.now() - started < keepFiringMs; limit = fireBatchSize) {
    const batch = await fireBatch(ctx, payload.timerId, limit);
    fired += batch.fired;
    sending += batch.sending;
    more = batch.more;
  }
  return { fired, sending };
}

/** How long one job keeps firing the batches of a burst. */
const keepFiringMs = 5_000;

/**
 * A job's first batch: its emails are claimed as soon as it commits. The later ones are
 * `fireBatchSize` (a burst's first jobs run at once: between them they fire the first
 * `concurrency × firstFireBatchSize` timers).
 */
export const firstFireBatchSize = 50;

async function fireBatch(ctx: JobContext, timerId: string, limit: number) {
  const result = await fireDueTimers(ctx.db, timerId, { limit });
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
  // Their emails on their way, the jobs of the other timers fired here leave the queue (this
  // job's own is running: it stays).
  ctx.firedTimerJobs?.remove(
    result.timerIds
      .map((id, i) => ({ timerId: id, dueAt: result.dueAts[i]! }))
      .filter((fired) => fired.timerId !== timerId),
  );
  return { fired: result.fired, sending: dueNow.length, more: result.more };
}
