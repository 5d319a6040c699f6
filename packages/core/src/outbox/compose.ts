import type { Database } from "@caseward/db";

import type { OutgoingEmail } from "../mail";
import { caseEmailKinds, caseEmailOf, caseEmailRows } from "./case-emails";
import type { Notification } from "./claim";
import { composeDailyDigest } from "./daily-digest";
import { composeRedFlagEmail } from "./red-flag-email";

/**
 * The emails of many notifications, in their order (null where one became moot: the case moved
 * on), reading each table once for all.
 */
export async function composeNotifications(
  db: Database,
  list: Notification[],
  baseUrl: string,
): Promise<(OutgoingEmail | null)[]> {
  return Promise.all(await composeEach(db, list, baseUrl));
}

/**
 * `composeNotifications` one email at a time: the tables are read once for all, then each
 * email is a promise of its own, rendered in order (one per turn of the event loop), so the
 * first can be sent while the others are rendered. A burst's worker used to render a whole
 * claim before its first send.
 */
export async function composeEach(
  db: Database,
  list: Notification[],
  baseUrl: string,
): Promise<Promise<OutgoingEmail | null>[]> {
  const fromRows = list.filter((n) => caseEmailKinds.has(n.kind) && n.caseId);
  const rows =
    fromRows.length === 0
      ? []
      : await caseEmailRows(
          db,
          fromRows.map((n) => n.id),
        );
  const rowOf = new Map(rows.map((row) => [row.id, row]));
  return list.map((n) =>
    caseEmailKinds.has(n.kind)
      ? caseEmailOf(n, rowOf.get(n.id), baseUrl)
      : composeOther(db, n, baseUrl),
  );
}

/** The email a notification stands for, or null when it became moot (a list of one). */
export async function composeNotification(
  db: Database,
  notification: Notification,
  baseUrl: string,
): Promise<OutgoingEmail | null> {
  const [email] = await composeNotifications(db, [notification], baseUrl);
  return email ?? null;
}

/** The emails not made from a case row: the daily digest, red-flag advice. */
async function composeOther(
  db: Database,
  notification: Notification,
  baseUrl: string,
): Promise<OutgoingEmail | null> {
  if (notification.kind === "daily_digest") {
    return composeDailyDigest(db, notification.ownerId, baseUrl);
  }
  if (notification.kind === "red_flag") return composeRedFlagEmail(db, notification, baseUrl);
  return null;
}
