import { fireDueTimers, sendNotifications } from "@caseward/core";
import type { JobPayload } from "@caseward/core/jobs";
import { scheduleNotifications } from "@caseward/core/jobs";

import type { JobContext } from "../context";

/**
 * Fires the job's timer and, with it, other timers already due (a burst of deadlines goes out
 * in a few batches). The emails owed now go to the process's outbox (sent beside the job, no
 * second job per email); one owed later (quiet hours, the reminder) gets its own delayed job.
 * A crash after the commit leaves unsent rows, which the reconciler re-queues.
 */
export async function fireTimerJob(ctx: JobContext, payload: JobPayload<"fire-timer">) {
  const result = await fireDueTimers(ctx.db, payload.timerId);
  const now = Date.now();
  const dueNow = result.notifications.filter((n) => n.sendAfter.getTime() <= now).map((n) => n.id);
  // Committed first, then queued.
  await scheduleNotifications(
    ctx.enqueue,
    result.notifications.filter((n) => n.sendAfter.getTime() > now),
  );
  if (ctx.outbox) ctx.outbox.add(dueNow);
  else {
    const { failed } = await sendNotifications(ctx.db, ctx.mailer, dueNow, {
      baseUrl: ctx.baseUrl,
    });
    await scheduleNotifications(
      ctx.enqueue,
      failed.map((id) => ({ id, sendAfter: new Date(Date.now() + 2_000) })),
    );
  }
  return { fired: result.fired, sending: dueNow.length };
}
