import type { Executor, SelectedFields, SelectResultFields } from "@caseward/db";
import { and, eq, getTableColumns } from "@caseward/db";
import {
  attachments,
  breaches,
  cases,
  channels,
  companies,
  companyDomains,
  contacts,
  questions,
  redFlags,
} from "@caseward/db/schema";

import { notFound } from "./errors";

// A row asked for by id is the user's or it is NOT_FOUND: another user's row does not exist for
// them (a FORBIDDEN would tell that it exists). One lookup per kind of row, for every service.

type OwnedTable =
  | typeof attachments
  | typeof breaches
  | typeof cases
  | typeof channels
  | typeof companies
  | typeof companyDomains
  | typeof contacts
  | typeof questions
  | typeof redFlags;

export interface OwnOptions<F extends SelectedFields> {
  /** The columns to read; the whole row when left out. */
  columns?: F;
  /** Locks the row until the transaction ends (`select … for update`). */
  forUpdate?: boolean;
}

async function own(
  tx: Executor,
  table: OwnedTable,
  what: string,
  where: { userId: string; id: string },
  { columns = getTableColumns(table), forUpdate = false }: OwnOptions<SelectedFields>,
): Promise<Record<string, unknown>> {
  const query = tx
    .select(columns)
    .from(table)
    .where(and(eq(table.id, where.id), eq(table.ownerId, where.userId)))
    .$dynamic();
  const [row] = await (forUpdate ? query.for("update") : query);
  if (!row) throw notFound(what);
  return row;
}

/** The lookup of one kind of row: `(tx, userId, id, options?)` → the row, or NOT_FOUND. */
function ownLookup<T extends OwnedTable>(table: T, what: string) {
  function lookup(
    tx: Executor,
    userId: string,
    id: string,
    options?: { forUpdate?: boolean },
  ): Promise<T["$inferSelect"]>;
  function lookup<F extends SelectedFields>(
    tx: Executor,
    userId: string,
    id: string,
    options: OwnOptions<F> & { columns: F },
  ): Promise<SelectResultFields<F>>;
  function lookup(tx: Executor, userId: string, id: string, options = {}) {
    return own(tx, table, what, { userId, id }, options);
  }
  return lookup;
}

export const ownCompany = ownLookup(companies, "Company");
export const ownCase = ownLookup(cases, "Case");
export const ownContact = ownLookup(contacts, "Contact");
export const ownChannel = ownLookup(channels, "Channel");
export const ownQuestion = ownLookup(questions, "Question");
export const ownAttachment = ownLookup(attachments, "Attachment");
export const ownBreach = ownLookup(breaches, "Breach report");
export const ownCompanyDomain = ownLookup(companyDomains, "Domain");
export const ownRedFlag = ownLookup(redFlags, "Red flag");
