import type { Executor } from "@caseward/db";
import { and, eq, inArray, lte, or, sql } from "@caseward/db";
import { notifications, users } from "@caseward/db/schema";

/** A claim older than this is taken to be of a worker that died mid-send (above the mailer's 10 s connect + 20 s socket timeouts). */
export const sendLeaseMs = 35_000;

export type Notification = typeof notifications.$inferSelect;

/**
 * Takes the notifications of `ids` that may be sent now: due, and pending or their lease over.
 * Only one worker holds a notification at a time: the row moves to `sending` with one more
 * attempt and a lease from `now`; a second worker (a duplicate job) waits for the lease to end,
 * so a crash before the send is retried, and a finished one is never sent again.
 */
export function claimNotifications(db: Executor, ids: string[], now: Date) {
  const leaseEnded = new Date(now.getTime() - sendLeaseMs);
  return db
    .update(notifications)
    .set({ state: "sending", attempts: sql`${notifications.attempts} + 1`, lastAttemptAt: now })
    .where(
      and(
        inArray(notifications.id, ids),
        lte(notifications.sendAfter, now),
        or(
          eq(notifications.state, "pending"),
          and(eq(notifications.state, "sending"), lte(notifications.lastAttemptAt, leaseEnded)),
        ),
      ),
    )
    .returning();
}

/**
 * Why a notification was not claimed: it must `wait` (not due yet, or under another worker's
 * lease), or it is `done` (sent, cancelled, held, failed, or gone).
 */
export async function unclaimedState(db: Executor, id: string): Promise<"wait" | "done"> {
  const [row] = await db
    .select({ state: notifications.state })
    .from(notifications)
    .where(eq(notifications.id, id));
  return row?.state === "pending" || row?.state === "sending" ? "wait" : "done";
}

// Reminders, escalation advice, red-flag advice and digests go only to a confirmed address
// (issue 6): an unconfirmed one may be a typo, or someone else's. Until it is confirmed the
// notification is kept as `held` (./held.ts), shown on the case and counted in the banner.

/**
 * Holds the claimed notifications whose owner's address is not confirmed; returns their ids.
 * One statement, so a confirmation between the check and the write cannot leave one held.
 */
export async function holdUnlessOwnerVerified(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const held = await db
    .update(notifications)
    .set({ state: "held" })
    .where(
      and(
        inArray(notifications.id, ids),
        sql`not exists (select 1 from ${users} where ${users.id} = ${notifications.ownerId} and ${users.emailVerified})`,
      ),
    )
    .returning({ id: notifications.id });
  return new Set(held.map((row) => row.id));
}
