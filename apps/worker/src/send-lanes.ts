import { sendBatchSize, sendNotifications } from "@caseward/core";
import { scheduleNotifications } from "@caseward/core/jobs";

import type { JobContext } from "./context";

/** Claims in progress at once: at most `outboxLanes × sendBatchSize` emails held by a worker. */
export const outboxLanes = 4;

/** A failed send is retried by a send-notification job this much later. */
const retryAfterMs = 2_000;

export type Outbox = ReturnType<typeof createOutbox>;

/**
 * The emails owed now by the timers this process fired, sent beside the timer jobs rather than
 * inside them: a job's slot is free for the next timers as soon as its batch is committed, so
 * a burst is fired at once and its sends never delay a firing. Each lane claims up to
 * `sendBatchSize` at a time. What is only queued here is still `pending` in Postgres: if the
 * process dies, the reconciler gives those rows jobs; claimed ones wait for their lease.
 */
export function createOutbox(ctx: Omit<JobContext, "outbox">) {
  const queue: string[] = [];
  let running = 0;
  let holds = 0;
  let idle: (() => void)[] = [];

  function pump() {
    while (holds === 0 && running < outboxLanes && queue.length > 0) {
      const ids = queue.splice(0, sendBatchSize);
      running++;
      void sendNotifications(ctx.db, ctx.mailer, ids, { baseUrl: ctx.baseUrl })
        .then(({ failed }) =>
          scheduleNotifications(
            ctx.enqueue,
            failed.map((id) => ({ id, sendAfter: new Date(Date.now() + retryAfterMs) })),
          ),
        )
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

  return {
    add(ids: string[]) {
      queue.push(...ids);
      pump();
    },
    /**
     * No new claims until the returned release: while this process fires a burst's batches,
     * they have the CPU (its emails are all owed at once anyway). Claims in progress go on.
     */
    hold() {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        pump();
      };
    },
    /** Resolves once everything handed over was sent (or failed): before a clean exit. */
    drain() {
      if (running === 0 && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
