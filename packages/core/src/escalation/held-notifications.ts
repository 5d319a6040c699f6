import type { Executor } from "@caseward/db";
import { and, count, eq, inArray, sql } from "@caseward/db";
import { notifications, users } from "@caseward/db/schema";

import { getSettings } from "../settings/settings-service";
import { nextSendTime } from "./quiet-hours";

// Reminders, escalation advice, red-flag advice and digests go only to a confirmed address
// (issue 6): an unconfirmed one may be a typo, or someone else's. Until it is confirmed the
// notification is kept as `held`, shown on the case and counted in the banner, never dropped.

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

/** How many of a user's emails wait for their address to be confirmed (the banner says so). */
export async function countHeldNotifications(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ held: count() })
    .from(notifications)
    .where(and(eq(notifications.ownerId, userId), eq(notifications.state, "held")));
  return row?.held ?? 0;
}

/**
 * Once the address is confirmed, held emails go out: pending again, not before the end of the
 * user's quiet hours. Held digests are cancelled instead: the next one says everything they
 * would have said. Returns what to schedule.
 */
export async function releaseHeldNotifications(db: Executor, userId: string, now = new Date()) {
  const settings = await getSettings(db, userId);
  const sendAfter = nextSendTime(
    now,
    { start: settings.quietHoursStart, end: settings.quietHoursEnd },
    settings.timeZone,
  );
  const owned = and(eq(notifications.ownerId, userId), eq(notifications.state, "held"));
  await db
    .update(notifications)
    .set({ state: "cancelled" })
    .where(and(owned, eq(notifications.kind, "daily_digest")));
  return db
    .update(notifications)
    .set({ state: "pending", sendAfter })
    .where(owned)
    .returning({ id: notifications.id, sendAfter: notifications.sendAfter });
}
