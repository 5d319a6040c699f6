import type { Executor } from "@caseward/db";
import { and, eq, inArray, lte, or, sql } from "@caseward/db";
import { notifications, users } from "@caseward/db/schema";

/** A claim older than this is taken to be of a worker that died mid-send (above the mailer's 10 s connect + 20 s socket timeouts). */
export const sendLeaseMs = 35_000;

export type Notification = typeof notifications.$inferSelect;

// Reminders, escalation advice, red-flag advice and digests go only to a confirmed address
// (issue 6): an unconfirmed one may be a typo, or someone else's. Until it is confirmed the
// notification is kept as `held` (./held.ts), shown on the case and counted in the banner.
const ownerVerified = sql`exists (select 1 from ${users} where ${users.id} = ${notifications.ownerId} and ${users.emailVerified})`;

/**
 * Takes the notifications of `ids` that may be sent now: due, and pending or their lease over.
 * Only one worker holds a notification at a time: the row moves to `sending` with one more
 * attempt and a lease from `now`; a second worker (a duplicate job) waits for the lease to end,
 * so a crash before the send is retried, and a finished one is never sent again. One whose
 * owner's address is not confirmed is held instead (above), in the same statement: a
 * confirmation meanwhile cannot leave one held, and a claim is one round trip (it was two).
 * The returned rows say `held`.
 */
export function claimNotifications(db: Executor, ids: string[], now: Date) {
  const leaseEnded = new Date(now.getTime() - sendLeaseMs);
  return db
    .update(notifications)
    .set({
      state: sql`(case when ${ownerVerified} then 'sending' else 'held' end)::notification_state`,
      attempts: sql`${notifications.attempts} + 1`,
      lastAttemptAt: now,
    })
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
