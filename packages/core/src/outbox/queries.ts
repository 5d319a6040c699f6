import type { Executor } from "@caseward/db";
import { and, asc, eq, inArray, lte } from "@caseward/db";
import { notifications } from "@caseward/db/schema";

/** Notifications that should have a job by `until`: the reconciler's other half. */
export async function unsentNotificationsDueBy(db: Executor, until: Date, limit = 5_000) {
  return db
    .select({ id: notifications.id, sendAfter: notifications.sendAfter })
    .from(notifications)
    .where(
      and(
        inArray(notifications.state, ["pending", "sending"]),
        lte(notifications.sendAfter, until),
      ),
    )
    .orderBy(asc(notifications.sendAfter))
    .limit(limit);
}

/** What the case page shows of the emails of a case: kind, state, attempts, last error. */
export async function listCaseNotifications(db: Executor, userId: string, caseId: string) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      state: notifications.state,
      sendAfter: notifications.sendAfter,
      attempts: notifications.attempts,
      lastError: notifications.lastError,
      sentAt: notifications.sentAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(and(eq(notifications.caseId, caseId), eq(notifications.ownerId, userId)))
    .orderBy(asc(notifications.createdAt));
}
