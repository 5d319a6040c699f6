import type { Database, Driver } from "@caseward/db";
import { alias, jsonObject, preparedStatement, readJsonRow, sql } from "@caseward/db";
import {
  cases,
  channels,
  companies,
  contacts,
  notifications,
  questions,
  timers,
  users,
} from "@caseward/db/schema";

import { businessDayLengthMs, businessTimeBetween, clockOf, countdownTo } from "../calendar";
import { closedStatuses } from "../cases/status";
import { channelText } from "../channels/display";
import { vocabulary } from "../labels";
import type { OutgoingEmail } from "../mail";
import { escalationEmail, promiseDueEmail, regulatorEligibleEmail } from "../mail";
import type { Settings } from "../settings/settings-service";
import {
  calendarOf,
  settingsFromJson,
  settingsJson,
  settingsOf,
} from "../settings/settings-service";
import type { Notification } from "./claim";

/** Kinds whose email is made from a case row (`caseEmailRows`), many in one query. */
export const caseEmailKinds = new Set<Notification["kind"]>([
  "escalation",
  "escalation_reminder",
  "regulator_eligible",
  "promise_due",
]);

const suggestedChannel = alias(channels, "suggested_channel");

/**
 * `channelText` remembered per number and reader's country: parsing a phone number
 * (libphonenumber) was 3 % of a burst's CPU, and a company's numbers come back in email after
 * email. A company's channel, not personal data; at most `rememberedChannels` kept.
 */
const rememberedChannels = 1_000;
const channelTexts = new Map<string, string>();
function channelTextOf(channel: Parameters<typeof channelText>[0], country: string) {
  if (channel.kind !== "phone") return channelText(channel, country);
  const key = `${country}\u0000${channel.value}`;
  let text = channelTexts.get(key);
  if (text === undefined) {
    text = channelText(channel, country);
    if (channelTexts.size >= rememberedChannels) channelTexts.clear();
    channelTexts.set(key, text);
  }
  return text;
}
const lastChannel = alias(channels, "last_channel");
const questionText = { text: questions.text };

// What a case's email reads, each under the name the email reads it by, as one JSON object per
// notification (decoded by each column's own decoder: dates, encrypted text). Only these
// columns: drizzle read every column of the settings (the calendar feed's secret decrypted for
// each email) and built the whole join again for every claim.
const rowColumns = {
  id: notifications.id,
  email: users.email,
  userName: users.name,
  caseTitle: cases.title,
  caseStatus: cases.status,
  companyName: companies.name,
  complaintBody: companies.complaintBody,
  timerDueAt: timers.dueAt,
  timerCreatedAt: timers.createdAt,
  timerContactId: timers.contactId,
  contactStartedAt: contacts.startedAt,
  contactChannelKind: contacts.channelKind,
  promisedFollowUp: contacts.promisedFollowUp,
  representativeName: contacts.representativeName,
  referenceNumber: contacts.referenceNumber,
  lastChannelValue: lastChannel.value,
  suggestedKind: suggestedChannel.kind,
  suggestedValue: suggestedChannel.value,
  suggestedStatus: suggestedChannel.status,
  suggestedProvenance: suggestedChannel.provenance,
  suggestedLastVerifiedAt: suggestedChannel.lastVerifiedAt,
};

// Prepared once per connection, the ids as one array: one statement text for every claim. With
// each row, the case's first three open `need` questions in priority order (a second
// statement per claim before).
const caseEmailQuery = preparedStatement<{
  row: Record<string, unknown>;
  settings: Record<string, unknown> | null;
  need: string[];
}>(sql`
  select ${jsonObject(rowColumns)} as row, ${settingsJson(cases.ownerId)} as settings,
    (select coalesce(json_agg(need.text order by need.position), '[]') from (
      select ${questions.text} as text, ${questions.position} as position from ${questions}
      where ${questions.caseId} = ${cases.id} and ${questions.ownerId} = ${cases.ownerId}
        and ${questions.tier} = 'need' and ${questions.answer} is null
      order by ${questions.position} limit 3) need) as need
  from ${notifications}
  join ${cases} on ${cases.id} = ${notifications.caseId} and ${cases.ownerId} = ${notifications.ownerId}
  join ${users} on ${users.id} = ${cases.ownerId}
  join ${companies} on ${companies.id} = ${cases.companyId}
  left join ${timers} on ${timers.id} = ${notifications.timerId} and ${timers.ownerId} = ${cases.ownerId}
  left join ${contacts} on ${contacts.id} = ${timers.contactId} and ${contacts.ownerId} = ${timers.ownerId}
  left join ${channels} as ${lastChannel} on ${lastChannel.id} = ${contacts.channelId}
  left join ${channels} as ${suggestedChannel} on ${suggestedChannel.id} = ${cases.suggestedChannelId}
  where ${notifications.id} = any(${sql.placeholder("ids")}::uuid[])`);

/**
 * Everything the emails of these notifications (about one case each) say, one row per
 * notification, in one query.
 */
export async function caseEmailRows(db: Database, ids: string[]) {
  const found = await caseEmailQuery(db.$client, { ids });
  return found.map(({ row: value, settings, need }) => {
    const row = readJsonRow(rowColumns, value);
    return {
      id: row.id,
      email: row.email,
      userName: row.userName,
      caseTitle: row.caseTitle,
      caseStatus: row.caseStatus,
      companyName: row.companyName,
      complaintBody: row.complaintBody,
      settings: settingsFromJson(settings),
      needQuestions: need.map((text) => readJsonRow(questionText, { text }).text),
      // The left joins: null where nothing was joined (each has a column that is never null).
      timer:
        row.timerDueAt === null
          ? null
          : { dueAt: row.timerDueAt, createdAt: row.timerCreatedAt, contactId: row.timerContactId },
      contact:
        row.contactStartedAt === null
          ? null
          : {
              startedAt: row.contactStartedAt,
              channelKind: row.contactChannelKind,
              promisedFollowUp: row.promisedFollowUp,
              representativeName: row.representativeName,
              referenceNumber: row.referenceNumber,
            },
      lastChannel: row.lastChannelValue === null ? null : { value: row.lastChannelValue },
      suggested:
        row.suggestedKind === null
          ? null
          : {
              kind: row.suggestedKind,
              value: row.suggestedValue,
              status: row.suggestedStatus,
              provenance: row.suggestedProvenance,
              lastVerifiedAt: row.suggestedLastVerifiedAt,
            },
    };
  });
}
/** Prepares `caseEmailRows`'s query on the connection of `driver`; it reads nothing. */
export async function prepareCaseEmailRows(driver: Driver) {
  await caseEmailQuery(driver, { ids: [] });
}

type CaseEmailRow = Awaited<ReturnType<typeof caseEmailRows>>[number];

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
        ? `${words.channelKind[contact.channelKind]}${row.lastChannel ? `: ${channelTextOf({ kind: contact.channelKind, value: row.lastChannel.value }, settings.country)}` : ""}`
        : null,
      lastContactAt: contact?.startedAt ?? null,
      answerDue: countdownTo(timer.dueAt, calendar, now),
      suggestion:
        suggested && suggested.status === "verified"
          ? {
              kind: "channel",
              channelLabel: words.channelKind[suggested.kind],
              value: channelTextOf(suggested, settings.country),
              provenanceLabel: words.provenanceFound[suggested.provenance],
              lastVerifiedAt: suggested.lastVerifiedAt,
            }
          : { kind: "verify_first" },
      needQuestions: row.needQuestions,
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
