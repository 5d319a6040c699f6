import type { Executor } from "@caseward/db";
import { alias, and, eq, inArray, lte, sql } from "@caseward/db";
import {
  cases,
  channels,
  companies,
  contacts,
  notifications,
  questions,
  timers,
  users,
  userSettings,
} from "@caseward/db/schema";

import { businessDayLengthMs, businessTimeBetween, clockOf, countdownTo } from "../calendar";
import { closedStatuses } from "../cases/status";
import { channelText } from "../channels/display";
import { vocabulary } from "../labels";
import type { OutgoingEmail } from "../mail";
import { escalationEmail, promiseDueEmail, regulatorEligibleEmail } from "../mail";
import type { Settings } from "../settings/settings-service";
import { calendarOf, settingsOf } from "../settings/settings-service";
import type { Notification } from "./claim";

/** Kinds whose email is made from a case row (`caseEmailRows`), many in one query. */
export const caseEmailKinds = new Set<Notification["kind"]>([
  "escalation",
  "escalation_reminder",
  "regulator_eligible",
  "promise_due",
]);

const suggestedChannel = alias(channels, "suggested_channel");
const lastChannel = alias(channels, "last_channel");

/**
 * Everything the emails of these notifications (about one case each) say, one row per
 * notification, in one query.
 */
export function caseEmailRows(db: Executor, ids: string[]) {
  return db
    .select({
      id: notifications.id,
      email: users.email,
      userName: users.name,
      caseTitle: cases.title,
      caseStatus: cases.status,
      companyName: companies.name,
      complaintBody: companies.complaintBody,
      settings: userSettings,
      timer: { dueAt: timers.dueAt, createdAt: timers.createdAt, contactId: timers.contactId },
      contact: {
        startedAt: contacts.startedAt,
        channelKind: contacts.channelKind,
        promisedFollowUp: contacts.promisedFollowUp,
        representativeName: contacts.representativeName,
        referenceNumber: contacts.referenceNumber,
      },
      lastChannel: { value: lastChannel.value },
      suggested: {
        kind: suggestedChannel.kind,
        value: suggestedChannel.value,
        status: suggestedChannel.status,
        provenance: suggestedChannel.provenance,
        lastVerifiedAt: suggestedChannel.lastVerifiedAt,
      },
    })
    .from(notifications)
    .innerJoin(
      cases,
      and(eq(cases.id, notifications.caseId), eq(cases.ownerId, notifications.ownerId)),
    )
    .innerJoin(users, eq(users.id, cases.ownerId))
    .innerJoin(companies, eq(companies.id, cases.companyId))
    .leftJoin(userSettings, eq(userSettings.userId, cases.ownerId))
    .leftJoin(timers, and(eq(timers.id, notifications.timerId), eq(timers.ownerId, cases.ownerId)))
    .leftJoin(
      contacts,
      and(eq(contacts.id, timers.contactId), eq(contacts.ownerId, timers.ownerId)),
    )
    .leftJoin(lastChannel, eq(lastChannel.id, contacts.channelId))
    .leftJoin(suggestedChannel, eq(suggestedChannel.id, cases.suggestedChannelId))
    .where(inArray(notifications.id, ids));
}
type CaseEmailRow = Awaited<ReturnType<typeof caseEmailRows>>[number];

/** The first open `need` questions of each case, in priority order (one query for all). */
export async function needQuestionsOf(db: Executor, caseIds: string[]) {
  const byCase = new Map<string, string[]>();
  if (caseIds.length === 0) return byCase;
  const place = sql<number>`row_number() over (partition by ${questions.caseId} order by ${questions.position})`;
  const ranked = db
    .select({ caseId: questions.caseId, text: questions.text, place: place.as("place") })
    .from(questions)
    .where(
      and(
        inArray(questions.caseId, caseIds),
        eq(questions.tier, "need"),
        sql`${questions.answer} is null`,
      ),
    )
    .as("ranked");
  const rows = await db
    .select({ caseId: ranked.caseId, text: ranked.text })
    .from(ranked)
    .where(lte(ranked.place, 3))
    .orderBy(ranked.caseId, ranked.place);
  for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row.text]);
  return byCase;
}

/**
 * What every email about a case carries (to whom, which case, links, the reader's time zone),
 * and the reader's settings: their own, or the defaults if they never saved any.
 */
export function aboutTheCase(
  row: {
    email: string;
    userName: string;
    caseTitle: string;
    companyName: string;
    settings: Settings | null;
  },
  caseId: string,
  baseUrl: string,
) {
  const settings = settingsOf(row.settings);
  return {
    settings,
    common: {
      to: row.email,
      userName: row.userName,
      caseTitle: row.caseTitle,
      companyName: row.companyName,
      caseUrl: `${baseUrl}/cases/${caseId}`,
      settingsUrl: `${baseUrl}/settings`,
      ...clockOf(settings),
    },
  };
}

/** The email of a notification about a case, from its row, or null when it became moot. */
export async function caseEmailOf(
  notification: Notification,
  row: CaseEmailRow | undefined,
  need: string[],
  baseUrl: string,
): Promise<OutgoingEmail | null> {
  if (!row || !notification.caseId) return null;
  // A closed case owes nothing more: its emails were cancelled, and one claimed before is moot.
  if (closedStatuses.includes(row.caseStatus)) return null;
  // Rendering is synchronous: one email per turn of the event loop, so a batch of them never
  // holds up timers, sockets and signals (a SIGTERM relayed by tsx must be answered quickly).
  await new Promise((resolve) => setImmediate(resolve));
  const { settings, common } = aboutTheCase(row, notification.caseId, baseUrl);
  const { timer, contact } = row;

  if (notification.kind === "regulator_eligible") {
    if (!row.complaintBody || !timer) return null;
    return regulatorEligibleEmail({
      ...common,
      complaintBody: row.complaintBody,
      eligibleSince: timer.dueAt,
    });
  }
  if (notification.kind === "escalation" || notification.kind === "escalation_reminder") {
    // The reminder is for a user who did nothing: the case must still be waiting on them.
    if (row.caseStatus !== "escalation_due" || !timer) return null;
    const suggested = row.suggested;
    const calendar = calendarOf(settings);
    const words = vocabulary(settings.locale);
    const since = contact?.startedAt ?? timer.createdAt;
    const now = new Date();
    const waited = businessTimeBetween(since, now, calendar) / businessDayLengthMs(calendar);
    return escalationEmail({
      ...common,
      waitedBusinessDays: Math.round(waited * 10) / 10,
      lastChannelLabel: contact
        ? `${words.channelKind[contact.channelKind]}${row.lastChannel ? `: ${channelText({ kind: contact.channelKind, value: row.lastChannel.value }, settings.country)}` : ""}`
        : null,
      lastContactAt: contact?.startedAt ?? null,
      answerDue: countdownTo(timer.dueAt, calendar, now),
      suggestion:
        suggested && suggested.status === "verified"
          ? {
              kind: "channel",
              channelLabel: words.channelKind[suggested.kind],
              value: channelText(suggested, settings.country),
              provenanceLabel: words.provenanceFound[suggested.provenance],
              lastVerifiedAt: suggested.lastVerifiedAt,
            }
          : { kind: "verify_first" },
      needQuestions: need,
      reminder: notification.kind === "escalation_reminder",
    });
  }
  if (notification.kind === "promise_due") {
    if (!timer?.contactId || !contact?.promisedFollowUp) return null;
    return promiseDueEmail({
      ...common,
      promise: contact.promisedFollowUp,
      dueAt: timer.dueAt,
      representativeName: contact.representativeName,
      referenceNumber: contact.referenceNumber,
    });
  }
  return null;
}
