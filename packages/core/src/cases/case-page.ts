import type { Database, JsonFields } from "@caseward/db";
import {
  getTableColumns,
  jsonObject,
  jsonRows,
  preparedQuery,
  readJsonRow,
  sql,
} from "@caseward/db";
import {
  attachments,
  cases,
  channels,
  companies,
  contacts,
  disclosures,
  notifications,
  questions,
  redFlags,
  timers,
} from "@caseward/db/schema";

import { notFound } from "../errors";
import { caseNotificationColumns, caseNotificationOf } from "../outbox/queries";
import { questionColumns } from "../questions/question-service";
import { settingsFromJson, settingsJson } from "../settings/settings-service";
import { pendingDeadlineColumns, pendingDeadlinesJson } from "../escalation/timer-service";

// The search vectors stay in the database: they are for queries, not for the page.
export const { search: _caseSearch, ...caseColumns } = getTableColumns(cases);
const { search: _contactSearch, ...contactColumns } = getTableColumns(contacts);
const { storageKey: _storageKey, ...attachmentColumns } = getTableColumns(attachments);
const companyColumns = getTableColumns(companies);
const channelColumns = getTableColumns(channels);
const disclosureColumns = getTableColumns(disclosures);
const redFlagColumns = getTableColumns(redFlags);

const userId = sql.placeholder("userId");
const caseId = sql.placeholder("caseId");

/** The rows of `table` that belong to the user and to `of`, as a JSON array in `order`. */
const owned = (
  fields: JsonFields,
  table: typeof contacts | typeof questions | typeof notifications,
  of: ReturnType<typeof sql>,
  order: ReturnType<typeof sql>,
) => sql`(select ${jsonRows(fields, order)} from ${table}
          where ${of} and ${table.ownerId} = ${userId})`;

/** A contact's rows of a table keyed by `contact_id`, each the user's, oldest first. */
const ofContact = (
  table: typeof attachments | typeof disclosures | typeof redFlags,
  fields: JsonFields,
) =>
  sql`(select ${jsonRows(fields, sql`${table.createdAt}`)} from ${table}
       where ${table.contactId} = ${contacts.id} and ${table.ownerId} = ${userId})`;

const contactFields = {
  ...contactColumns,
  attachments: ofContact(attachments, attachmentColumns),
  disclosures: ofContact(disclosures, disclosureColumns),
  redFlags: ofContact(redFlags, redFlagColumns),
};

type Json = Record<string, unknown>;
interface CasePageRow {
  case: Json;
  company: Json;
  channels: Json[];
  questions: Json[];
  contacts: Json[];
  timers: Json[];
  notifications: Json[];
  settings: Json | null;
}

/**
 * Everything the case page shows, in ONE statement: the case (the user's, or no row), its
 * company and the company's ladder, its questions, the contact timeline (newest first) with
 * each contact's files, disclosures and red flags, its pending deadlines (none once closed),
 * its emails and the user's settings. Eleven queries did this before: on this machine each
 * round trip cost more of the web server's CPU than its rows.
 */
const casePageQuery = preparedQuery<CasePageRow>(sql`
  select ${jsonObject(caseColumns)} as "case",
    (select ${jsonObject(companyColumns)} from ${companies}
      where ${companies.id} = ${cases.companyId} and ${companies.ownerId} = ${userId}) as company,
    (select ${jsonRows(channelColumns, sql`${channels.position}, ${channels.createdAt}`)}
      from ${channels}
      where ${channels.companyId} = ${cases.companyId} and ${channels.ownerId} = ${userId}) as channels,
    ${owned(questionColumns, questions, sql`${questions.caseId} = ${cases.id}`, sql`${questions.position}, ${questions.createdAt}`)} as questions,
    ${owned(contactFields, contacts, sql`${contacts.caseId} = ${cases.id}`, sql`${contacts.startedAt} desc`)} as contacts,
    ${pendingDeadlinesJson(userId, sql`${timers.caseId} = ${caseId}`)} as timers,
    ${owned(caseNotificationColumns, notifications, sql`${notifications.caseId} = ${cases.id}`, sql`${notifications.createdAt}`)} as notifications,
    ${settingsJson(userId)} as settings
  from ${cases}
  where ${cases.id} = ${caseId} and ${cases.ownerId} = ${userId}`);

/** The case page's rows, read as drizzle reads each table's columns; NOT_FOUND unless the user's. */
export async function readCasePage(db: Database, user: string, id: string) {
  const [row] = await casePageQuery(db, { userId: user, caseId: id });
  if (!row) throw notFound("Case");
  const contactOf = (value: Json) => {
    const {
      attachments: files,
      disclosures: given,
      redFlags: flags,
    } = value as {
      attachments: Json[];
      disclosures: Json[];
      redFlags: Json[];
    };
    return {
      ...readJsonRow(contactColumns, value),
      attachments: files.map((file) => readJsonRow(attachmentColumns, file)),
      disclosures: given.map((d) => readJsonRow(disclosureColumns, d)),
      redFlags: flags.map((f) => readJsonRow(redFlagColumns, f)),
    };
  };
  const settings = settingsFromJson(row.settings);
  return {
    case: readJsonRow(caseColumns, row.case),
    company: readJsonRow(companyColumns, row.company),
    channels: row.channels.map((channel) => readJsonRow(channelColumns, channel)),
    questions: row.questions.map((question) => readJsonRow(questionColumns, question)),
    contacts: row.contacts.map(contactOf),
    timers: row.timers.map((timer) => readJsonRow(pendingDeadlineColumns, timer)),
    notifications: row.notifications.map((n) =>
      caseNotificationOf(readJsonRow(caseNotificationColumns, n), settings.locale),
    ),
    settings,
  };
}
