import { sendBatchSize, sendNotifications } from "@caseward/core";
import { scheduleNotifications } from "@caseward/core/jobs";

import type { JobContext, SendLanes } from "./context";

/** Claims in progress at once: at most `sendLaneCount × sendBatchSize` emails held by a worker. */
export const sendLaneCount = 4;

/** A failed send is retried by a send-notification job this much later. */
const retryAfterMs = 2_000;

type SendContext = Omit<JobContext, "sendLanes">;

/**
 * Sends the notifications now; those whose send failed (or could not start in time) get a
 * send-notification job a little later. The worker's one "send now, retry later".
 */
export async function sendNowRetryLater(ctx: SendContext, ids: string[]) {
  const { sent, failed, errors } = await sendNotifications(ctx.db, ctx.mailer, ids, {
    baseUrl: ctx.baseUrl,
  });
  ctx.metrics?.sent(sent);
  ctx.metrics?.failed(errors);
  const now = Date.now();
  // A fresh job id: the notification may have had a job of its own that finished.
  await scheduleNotifications(
    ctx.enqueue,
    failed.map((id) => ({ id, sendAfter: new Date(now + retryAfterMs) })),
    now,
    `t${now.toString(36)}`,
  );
}

/**
 * The emails owed now by the timers this process fired, sent beside the timer jobs rather than
 * inside them: a job's slot is free for the next timers as soon as its batch is committed, so
 * a burst is fired at once and its sends never delay a firing. Each lane claims up to
 * `sendBatchSize` at a time. What is only queued here is still `pending` in Postgres: if the
 * process dies, the reconciler gives those rows jobs; claimed ones wait for their lease.
 */
export function createSendLanes(ctx: SendContext) {
  const queue: string[] = [];
  let running = 0;
  let idle: (() => void)[] = [];

  function pump() {
    while (running < sendLaneCount && queue.length > 0) {
      const ids = queue.splice(0, sendBatchSize);
      running++;
      void sendNowRetryLater(ctx, ids)
        .catch((error: Error) =>
          // The rows stay pending or claimed: the reconciler re-queues them.
          ctx.logger.error({ err: error.name, count: ids.length }, "outbox send failed"),
        )
        .finally(() => {
          running--;
          pump();
          if (running === 0 && queue.length === 0) {
            for (const resolve of idle) resolve();
            idle = [];
          }
        });
    }
  }

  const lanes = {
    add(ids: string[]) {
      queue.push(...ids);
      pump();
    },
    /** Resolves once everything handed over was sent (or failed): before a clean exit. */
    drain() {
      if (running === 0 && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
  return lanes satisfies SendLanes;
}
