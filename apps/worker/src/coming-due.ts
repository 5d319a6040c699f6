import { nextTimerComingDue, prepareFiring, prepareSending } from "@caseward/core";
import type { Database } from "@caseward/db";

import type { JobContext } from "./context";
import { fireTimerJob } from "./jobs/fire-timer";

/** How far ahead the worker looks for timers coming due. */
export const lookAheadMs = 10_000;
/** How often it looks. */
const lookEveryMs = 1_000;
/**
 * How long a warm-up counts: postgres.js replaces a connection after 30–60 minutes, and a
 * pool replaced after a Postgres restart starts cold.
 */
const warmForMs = 60_000;
/** A timeout may run a millisecond before its time: the timer must be due when it runs. */
const afterDueMs = 2;

/**
 * Gets the process ready for timers coming due: its database connections, and a firing of
 * its own at the first one's due instant.
 *
 * - postgres.js opens a pool's connections only when queries wait for one, and runs a
 *   statement for the first time on a connection in two round trips (described, then run),
 *   with Postgres parsing and planning it: a burst of deadlines met a pool that the lone timers
 *   before it had opened one or two connections of, so its first firing transactions each
 *   opened a connection and prepared every statement on it before the first email could go.
 * - A timer's job runs some tens of milliseconds after its due time (BullMQ promotes a delayed
 *   job when a worker next asks). The process fires the first timer coming due itself at its
 *   due time, as its job would (same job handler: due timers in batches, their emails to the
 *   send lanes). The job stays the durable path: it comes a little later and finds its timer
 *   fired, like any duplicate job; if this firing fails or the process stops, the job fires it.
 */
export function startComingDue(ctx: JobContext, connections: number) {
  let warmUntil = 0;
  let looking = false;
  let stopped = false;
  /** The firings armed, by timer and due time; each runs once. */
  const armed = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();

  const arm = (timer: { id: string; dueAt: Date }) => {
    const key = `${timer.id}@${timer.dueAt.getTime()}`;
    if (armed.has(key)) return;
    const handle = setTimeout(
      () => {
        armed.delete(key);
        if (stopped) return;
        const firing = fireTimerJob(ctx, { timerId: timer.id })
          .catch((error: Error) =>
            // Its job fires it instead.
            ctx.logger.warn({ err: error.name }, "firing at the due time failed"),
          )
          .finally(() => running.delete(firing));
        running.add(firing);
      },
      Math.max(0, timer.dueAt.getTime() - Date.now()) + afterDueMs,
    );
    handle.unref();
    armed.set(key, handle);
  };

  const look = async () => {
    if (looking || stopped) return;
    looking = true;
    try {
      const next = await nextTimerComingDue(ctx.db, new Date(), lookAheadMs);
      if (!next) return;
      arm(next);
      if (Date.now() < warmUntil) return;
      await warmConnections(ctx.db, connections);
      warmUntil = Date.now() + warmForMs;
    } catch (error) {
      ctx.logger.warn({ err: (error as Error).name }, "getting ready for due timers failed");
    } finally {
      looking = false;
    }
  };
  const timer = setInterval(() => void look(), lookEveryMs);
  timer.unref();
  return {
    /** No more looks or firings; resolves once the firings under way ended. */
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      for (const handle of armed.values()) clearTimeout(handle);
      armed.clear();
      await Promise.allSettled(running);
    },
  };
}

/**
 * Opens `connections` connections of the pool (as many transactions at once) and prepares the
 * firing's and the send path's statements on each; nothing is locked, read or written.
 */
export async function warmConnections(db: Database, connections: number) {
  await Promise.all(
    Array.from({ length: connections }, () =>
      db.$client.begin(async (tx) => {
        await Promise.all([prepareFiring(tx), prepareSending(tx)]);
      }),
    ),
  );
}
