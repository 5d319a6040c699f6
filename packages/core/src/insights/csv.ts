import type { Executor } from "@caseward/db";
import { and, asc, eq, gte, lt } from "@caseward/db";
import { cases, companies, contacts } from "@caseward/db/schema";
import { channelKinds, contactDirections } from "@caseward/db/vocabulary";
import { z } from "zod";

import { fromDateTimeInput, toDateTimeInput } from "../calendar";
import { ownCase } from "../ownership";
import { getSettings } from "../settings/settings-service";
import type { Insights } from "./insights";

// CSV exports (issue 19). Spreadsheet-safe: a text cell a spreadsheet would read as a formula is
// neutralised (OWASP "CSV Injection": a leading = + - @, tab or carriage return gets a ' in front).
// https://owasp.org/www-community/attacks/CSV_Injection

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as they are, text neutralised and quoted when it must be. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/** A CSV file: a byte-order mark (so spreadsheets read UTF-8), a header row, CRLF line ends. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export const contactsCsvInput = z.object({
  companyId: z.uuid("Unknown company.").optional(),
  caseId: z.uuid("Unknown case.").optional(),
  direction: z.enum(contactDirections, "Choose inbound or outbound.").optional(),
  channelKind: z.enum(channelKinds, "Choose a channel.").optional(),
  /** Contacts started on or after this day, and before the day after `to` (user's calendar). */
  from: z.iso.date("Enter a date such as 2026-03-01.").optional(),
  to: z.iso.date("Enter a date such as 2026-03-31.").optional(),
});

const contactColumns = {
  startedAt: contacts.startedAt,
  endedAt: contacts.endedAt,
  caseId: contacts.caseId,
  caseTitle: cases.title,
  company: companies.name,
  direction: contacts.direction,
  channelKind: contacts.channelKind,
  representativeName: contacts.representativeName,
  representativeId: contacts.representativeId,
  referenceNumber: contacts.referenceNumber,
  outcome: contacts.outcome,
  promisedFollowUp: contacts.promisedFollowUp,
  followUpDueAt: contacts.followUpDueAt,
  notes: contacts.notes,
};
type ContactRow = {
  startedAt: Date;
  endedAt: Date | null;
  caseId: string;
  caseTitle: string;
  company: string;
  direction: string;
  channelKind: string;
  representativeName: string | null;
  representativeId: string | null;
  referenceNumber: string | null;
  outcome: string | null;
  promisedFollowUp: string | null;
  followUpDueAt: Date | null;
  notes: string | null;
};

function contactCsvColumns(timeZone: string): CsvColumn<ContactRow>[] {
  const time = (date: Date | null) =>
    date ? toDateTimeInput(date, timeZone).replace("T", " ") : null;
  return [
    { header: `Started (${timeZone})`, value: (r) => time(r.startedAt) },
    { header: `Ended (${timeZone})`, value: (r) => time(r.endedAt) },
    {
      header: "Minutes",
      value: (r) =>
        r.endedAt ? Math.round((r.endedAt.getTime() - r.startedAt.getTime()) / 60_000) : null,
    },
    { header: "Company", value: (r) => r.company },
    { header: "Case", value: (r) => r.caseTitle },
    { header: "Direction", value: (r) => r.direction },
    { header: "Channel", value: (r) => r.channelKind },
    { header: "Representative", value: (r) => r.representativeName },
    { header: "Representative id", value: (r) => r.representativeId },
    { header: "Reference number", value: (r) => r.referenceNumber },
    { header: "Outcome", value: (r) => r.outcome },
    { header: "Promised", value: (r) => r.promisedFollowUp },
    { header: `Promised by (${timeZone})`, value: (r) => time(r.followUpDueAt) },
    { header: "Notes", value: (r) => r.notes },
  ];
}

/**
 * The user's contacts as CSV, oldest first. Only the owner's rows are read, and the encrypted
 * fields (representative, reference, promise, notes) are decrypted as they are read.
 */
export async function contactsCsv(
  db: Executor,
  userId: string,
  input: z.input<typeof contactsCsvInput>,
): Promise<string> {
  const filter = contactsCsvInput.parse(input);
  const { timeZone } = await getSettings(db, userId);
  const day = (value: string) => midnightOf(value, timeZone);
  const where = [eq(contacts.ownerId, userId)];
  if (filter.caseId) where.push(eq(contacts.caseId, filter.caseId));
  if (filter.companyId) where.push(eq(cases.companyId, filter.companyId));
  if (filter.direction) where.push(eq(contacts.direction, filter.direction));
  if (filter.channelKind) where.push(eq(contacts.channelKind, filter.channelKind));
  if (filter.from) where.push(gte(contacts.startedAt, day(filter.from)));
  if (filter.to) where.push(lt(contacts.startedAt, day(nextDay(filter.to))));
  const rows = await db
    .select(contactColumns)
    .from(contacts)
    .innerJoin(cases, and(eq(cases.id, contacts.caseId), eq(cases.ownerId, userId)))
    .innerJoin(companies, and(eq(companies.id, cases.companyId), eq(companies.ownerId, userId)))
    .where(and(...where))
    .orderBy(asc(contacts.startedAt), asc(contacts.createdAt));
  return toCsv(contactCsvColumns(timeZone), rows);
}

function nextDay(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Midnight of `isoDay` on the user's clock. */
const midnightOf = (isoDay: string, timeZone: string) =>
  fromDateTimeInput(`${isoDay}T00:00`, timeZone)!;

/** A case's timeline (its contacts, oldest first) as CSV; another user's case is not found. */
export async function caseTimelineCsv(db: Executor, userId: string, caseId: string) {
  await ownCase(db, userId, caseId, { columns: { id: cases.id } });
  return contactsCsv(db, userId, { caseId });
}

export const insightTables = ["months", "companies", "deadlines"] as const;
export type InsightTable = (typeof insightTables)[number];

/** One of the insights page's tables as CSV: the same rows the page shows beside its chart. */
export function insightTableCsv(insights: Insights, table: InsightTable): string {
  switch (table) {
    case "months":
      return toCsv(
        [
          { header: "Month", value: (r) => r.month },
          { header: "Cases opened", value: (r) => r.opened },
          { header: "Cases resolved", value: (r) => r.resolved },
          { header: "Minutes on calls and chats", value: (r) => r.talkMinutes },
        ],
        insights.months,
      );
    case "companies":
      return toCsv(
        [
          { header: "Company", value: (r) => r.name },
          { header: "Cases", value: (r) => r.cases },
          {
            header: "Median business days to a first answer",
            value: (r) => r.timeToAnswer.medianBusinessDays,
          },
          { header: "Answers measured", value: (r) => r.timeToAnswer.answers },
          { header: "Response windows missed", value: (r) => r.windowsMissed.missed },
          { header: "Response windows decided", value: (r) => r.windowsMissed.decided },
          { header: "Promises kept", value: (r) => r.promises.kept },
          { header: "Promises broken", value: (r) => r.promises.broken },
          { header: "Of which kept late", value: (r) => r.promises.keptLate },
          { header: "Promises pending", value: (r) => r.promises.pending },
        ],
        insights.companies,
      );
    case "deadlines":
      return toCsv(
        [
          { header: "Company", value: (r) => r.companyName },
          { header: "Case", value: (r) => r.caseTitle },
          { header: "Deadline", value: (r) => r.kind },
          {
            header: `Due (${insights.timeZone})`,
            value: (r) => toDateTimeInput(r.dueAt, insights.timeZone).replace("T", " "),
          },
          { header: "Passed", value: (r) => r.passed },
        ],
        insights.deadlines,
      );
  }
}
