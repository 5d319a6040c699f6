import type { Executor } from "@caseward/db";
import { and, asc, eq, sql } from "@caseward/db";
import { cases, companies, notifications, userSettings, users } from "@caseward/db/schema";

import { clockOf, formatInZone } from "../calendar";
import { closedStatuses } from "../cases/status";
import type { QueuedNotification } from "../escalation/fire-timer";
import { caseStatusLabels } from "../labels";
import type { OutgoingEmail } from "../mail";
import { dailyDigestEmail } from "../mail";
import { calendarOf, settingsOf } from "../settings/settings-service";
import { nextDeadlines } from "../escalation/deadlines";

/** The digest goes out once a day, from this local time on (after the night's quiet hours). */
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
    .select({ userId: userSettings.userId, timeZone: userSettings.timeZone })
    .from(userSettings)
    .where(eq(userSettings.emailDailyDigest, true));
  const due = subscribers
    .map((s) => ({ ...s, local: formatInZone(now, s.timeZone) }))
    .filter((s) => s.local.slice(11) >= digestHour);
  if (due.length === 0) return [];
  return db
    .insert(notifications)
    .values(
      due.map((s) => ({
        ownerId: s.userId,
        kind: "daily_digest" as const,
        dedupeKey: `daily_digest-${s.userId}-${s.local.slice(0, 10)}`,
        sendAfter: now,
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
      statusLabel: caseStatusLabels[c.status],
      url: `${baseUrl}/cases/${c.id}`,
      nextDeadline: deadlines.get(c.id) ?? null,
    })),
  });
}
