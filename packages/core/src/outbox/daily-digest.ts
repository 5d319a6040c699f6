import type { Executor } from "@caseward/db";
import { and, asc, eq, sql } from "@caseward/db";
import { cases, companies, notifications, userSettings, users } from "@caseward/db/schema";

import { clockOf, formatInZone } from "../calendar";
import { closedStatuses } from "../cases/status";
import type { QueuedNotification } from "../escalation/fire-timer";
import { nextSendTime } from "../escalation/quiet-hours";
import { vocabulary } from "../labels";
import type { OutgoingEmail } from "../mail";
import { dailyDigestEmail } from "../mail";
import { calendarOf, settingsOf } from "../settings/settings-service";
import { nextDeadlines } from "../escalation/deadlines";

/** The digest is owed once a day from this local time on, and sent once the quiet hours allow. */
export const digestHour = "08:00";

/**
 * Owes today's digest to every user who asked for one and whose local day has reached the
 * digest hour. The dedupe key (user + local date) makes it once a day whatever runs this.
 */
export async function queueDailyDigests(
  db: Executor,
  now = new Date(),
): Promise<QueuedNotification[]> {
  const subscribers = await db
    .select({
      userId: userSettings.userId,
      timeZone: userSettings.timeZone,
      quietStart: userSettings.quietHoursStart,
      quietEnd: userSettings.quietHoursEnd,
    })
    .from(userSettings)
    .where(eq(userSettings.emailDailyDigest, true));
  // Quiet hours that end after the digest hour hold it until they end (deferred, not dropped);
  // a day whose quiet hours have begun owes none: the next day's digest says it all.
  const due = subscribers.flatMap((s) => {
    const local = formatInZone(now, s.timeZone);
    const sendAfter = nextSendTime(now, { start: s.quietStart, end: s.quietEnd }, s.timeZone);
    const sameDay = formatInZone(sendAfter, s.timeZone).slice(0, 10) === local.slice(0, 10);
    return local.slice(11) >= digestHour && sameDay ? [{ ...s, local, sendAfter }] : [];
  });
  if (due.length === 0) return [];
  return db
    .insert(notifications)
    .values(
      due.map((s) => ({
        ownerId: s.userId,
        kind: "daily_digest" as const,
        dedupeKey: `daily_digest-${s.userId}-${s.local.slice(0, 10)}`,
        sendAfter: s.sendAfter,
      })),
    )
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id, sendAfter: notifications.sendAfter });
}

/** Today's digest of a user: their open cases and next deadlines, or null when there is none. */
export async function composeDailyDigest(
  db: Executor,
  userId: string,
  baseUrl: string,
  now = new Date(),
): Promise<OutgoingEmail | null> {
  const [user] = await db
    .select({ email: users.email, name: users.name, settings: userSettings })
    .from(users)
    .innerJoin(userSettings, eq(userSettings.userId, users.id))
    .where(eq(users.id, userId));
  if (!user) return null;
  const open = await db
    .select({
      id: cases.id,
      title: cases.title,
      status: cases.status,
      companyName: companies.name,
    })
    .from(cases)
    .innerJoin(companies, eq(companies.id, cases.companyId))
    .where(and(eq(cases.ownerId, userId), sql`${cases.status} not in ${[...closedStatuses]}`))
    .orderBy(asc(cases.createdAt));
  if (open.length === 0) return null;
  const settings = settingsOf(user.settings);
  const deadlines = await nextDeadlines(
    db,
    userId,
    open.map((c) => c.id),
    calendarOf(settings),
    now,
  );
  return dailyDigestEmail({
    to: user.email,
    userName: user.name,
    appUrl: baseUrl,
    settingsUrl: `${baseUrl}/settings`,
    ...clockOf(settings),
    cases: open.map((c) => ({
      title: c.title,
      companyName: c.companyName,
      statusLabel: vocabulary(settings.locale).caseStatus[c.status],
      url: `${baseUrl}/cases/${c.id}`,
      nextDeadline: deadlines.get(c.id) ?? null,
    })),
  });
}
