import { prepareFiring, prepareSending, timersComingDue } from "@caseward/core";
import type { Database } from "@caseward/db";
import type { Logger } from "pino";

/** How far ahead the worker looks for timers coming due. */
export const lookAheadMs = 10_000;
/** How often it looks. */
const lookEveryMs = 1_000;
/**
 * How long a warm-up counts: postgres.js replaces a connection after 30–60 minutes, and a
 * pool replaced after a Postgres restart starts cold.
 */
const warmForMs = 60_000;

/**
 * Gets the process's database connections ready before timers come due. postgres.js opens a
 * pool's connections only when queries wait for one, and runs a statement for the first time
 * on a connection in two round trips (described, then run), with Postgres parsing and planning
 * it: a burst of deadlines met a pool the lone timers before it had opened one or two of, so
 * its first firing transactions each opened a connection and prepared every statement on it
 * before the first email could go.
 */
export function startComingDueWarmUp(
  ctx: { db: Database; logger: Logger },
  connections: number,
) {
  let warmUntil = 0;
  let looking = false;
  const look = async () => {
    if (looking || Date.now() < warmUntil) return;
    looking = true;
    try {
      if (!(await timersComingDue(ctx.db, new Date(), lookAheadMs))) return;
      await warmConnections(ctx.db, connections);
      warmUntil = Date.now() + warmForMs;
    } catch (error) {
      ctx.logger.warn({ err: (error as Error).name }, "warm-up before due timers failed");
    } finally {
      looking = false;
    }
  };
  const timer = setInterval(() => void look(), lookEveryMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
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
