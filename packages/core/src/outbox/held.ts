import type { Executor } from "@caseward/db";
import { and, count, eq } from "@caseward/db";
import { notifications } from "@caseward/db/schema";

import { nextSendTime } from "../escalation/quiet-hours";
import { getSettings } from "../settings/settings-service";

// Emails owed to an unconfirmed address are held when claimed (./claim.ts, issue 6), never
// dropped: counted for the banner, and released once the address is confirmed.

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
