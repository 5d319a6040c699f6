import type { Executor } from "@caseward/db";
import { and, asc, eq, inArray, lte, min, ne } from "@caseward/db";
import { notifications } from "@caseward/db/schema";

import type { Locale } from "../i18n/locale";
import { emailProblemOf } from "./email-problem";

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

/**
 * When the longest-owed email was due, of those due and not sent yet (pending, or claimed and
 * not stamped): health's "is the outbox keeping up?". Null when none is owed. No personal data.
 */
export async function oldestDueUnsentNotification(db: Executor, now = new Date()) {
  const [row] = await db
    .select({ sendAfter: min(notifications.sendAfter) })
    .from(notifications)
    .where(
      and(inArray(notifications.state, ["pending", "sending"]), lte(notifications.sendAfter, now)),
    );
  return row?.sendAfter ?? null;
}

/**
 * What the case page shows of the emails of a case: kind, state, attempts, and what went wrong
 * in a sentence (`caseNotificationOf`; the server's raw error stays in the table). The case
 * page reads them in its one query (cases/case-page.ts).
 */
export const caseNotificationColumns = {
  id: notifications.id,
  kind: notifications.kind,
  state: notifications.state,
  sendAfter: notifications.sendAfter,
  attempts: notifications.attempts,
  lastError: notifications.lastError,
  sentAt: notifications.sentAt,
  createdAt: notifications.createdAt,
};

/** A row of `caseNotificationColumns` as the case page shows it: the problem, not the error. */
export function caseNotificationOf<Row extends { lastError: string | null }>(
  { lastError, ...row }: Row,
  locale: Locale = "en",
) {
  return { ...row, problem: emailProblemOf(lastError, locale) };
}

/**
 * The case was closed: the emails it still owed (waiting for their time, or for the address to
 * be confirmed) will not go out. A job already queued for one finds it cancelled and claims
 * nothing (./claim.ts); sent and failed ones stay as history. Red-flag advice is about the
 * user's safety, not about the case's progress: it still goes out.
 */
export async function cancelUnsentCaseEmails(db: Executor, userId: string, caseId: string) {
  return db
    .update(notifications)
    .set({ state: "cancelled" })
    .where(
      and(
        eq(notifications.caseId, caseId),
        eq(notifications.ownerId, userId),
        inArray(notifications.state, ["pending", "held"]),
        ne(notifications.kind, "red_flag"),
      ),
    )
    .returning({ id: notifications.id });
}
