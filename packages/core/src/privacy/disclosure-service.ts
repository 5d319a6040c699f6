import type { Database, Executor } from "@caseward/db";
import { and, desc, eq } from "@caseward/db";
import { cases, channels, companies, contacts, disclosures } from "@caseward/db/schema";
import type { DisclosureKind } from "@caseward/db/vocabulary";
import type { z } from "zod";

import { notFound } from "../errors";
import { ownContact } from "../ownership";
import type { DisclosureFields } from "./schemas";
import { addDisclosureInput, disclosureFields, disclosureListInput } from "./schemas";
import { recordRedFlags, redFlagsFromDisclosures } from "./red-flag-service";

/** Writes the disclosures of one contact (already scoped to the user by the caller). */
export async function insertDisclosures(
  tx: Executor,
  userId: string,
  contactId: string,
  list: readonly DisclosureFields[],
) {
  if (list.length === 0) return [];
  const parsed = list.map((d) => disclosureFields.parse(d));
  return tx
    .insert(disclosures)
    .values(
      parsed.map((d) => ({
        ownerId: userId,
        contactId,
        kind: d.kind,
        asked: d.asked,
        reason: d.reason || null,
        detail: d.detail || null,
      })),
    )
    .returning();
}

/** Records a disclosure on a contact after the fact (from the case page). */
export async function addDisclosure(
  db: Database,
  userId: string,
  input: z.input<typeof addDisclosureInput>,
) {
  const parsed = addDisclosureInput.parse(input);
  return db.transaction(async (tx) => {
    const contact = await ownContact(tx, userId, parsed.contactId, {
      columns: { id: contacts.id, caseId: contacts.caseId },
    });
    const [row] = await insertDisclosures(tx, userId, contact.id, [parsed]);
    await recordRedFlags(tx, userId, {
      caseId: contact.caseId,
      contactId: contact.id,
      flags: redFlagsFromDisclosures([parsed]).map((kind) => ({ kind, source: "marked" })),
    });
    return row!;
  });
}

export async function deleteDisclosure(db: Database, userId: string, disclosureId: string) {
  const [gone] = await db
    .delete(disclosures)
    .where(and(eq(disclosures.id, disclosureId), eq(disclosures.ownerId, userId)))
    .returning({ id: disclosures.id });
  if (!gone) throw notFound("Disclosure");
  return gone;
}

/** The ledger: what the user gave, to whom, when and on which channel; newest first. */
export async function listDisclosures(
  db: Executor,
  userId: string,
  input: z.input<typeof disclosureListInput> = {},
) {
  const parsed = disclosureListInput.parse(input);
  return db
    .select({
      id: disclosures.id,
      kind: disclosures.kind,
      asked: disclosures.asked,
      reason: disclosures.reason,
      detail: disclosures.detail,
      contactId: contacts.id,
      disclosedAt: contacts.startedAt,
      direction: contacts.direction,
      channelKind: contacts.channelKind,
      channelValue: channels.value,
      caseId: cases.id,
      caseTitle: cases.title,
      companyId: companies.id,
      companyName: companies.name,
    })
    .from(disclosures)
    .innerJoin(contacts, eq(contacts.id, disclosures.contactId))
    .innerJoin(cases, eq(cases.id, contacts.caseId))
    .innerJoin(companies, eq(companies.id, cases.companyId))
    .leftJoin(channels, eq(channels.id, contacts.channelId))
    .where(
      and(
        eq(disclosures.ownerId, userId),
        parsed.kind ? eq(disclosures.kind, parsed.kind) : undefined,
        parsed.companyId ? eq(companies.id, parsed.companyId) : undefined,
      ),
    )
    .orderBy(desc(contacts.startedAt), desc(disclosures.createdAt));
}

export type LedgerEntry = Awaited<ReturnType<typeof listDisclosures>>[number];

export interface LedgerHolder {
  companyId: string;
  companyName: string;
  times: number;
  first: Date;
  last: Date;
}

/** "Who has my SIN": per kind, the companies that got it, most recent first. */
export function ledgerByKind(entries: readonly LedgerEntry[]) {
  const byKind = new Map<DisclosureKind, Map<string, LedgerHolder>>();
  for (const e of entries) {
    const holders = byKind.get(e.kind) ?? new Map<string, LedgerHolder>();
    byKind.set(e.kind, holders);
    const holder = holders.get(e.companyId);
    if (!holder) {
      holders.set(e.companyId, {
        companyId: e.companyId,
        companyName: e.companyName,
        times: 1,
        first: e.disclosedAt,
        last: e.disclosedAt,
      });
    } else {
      holder.times++;
      if (e.disclosedAt < holder.first) holder.first = e.disclosedAt;
      if (e.disclosedAt > holder.last) holder.last = e.disclosedAt;
    }
  }
  return [...byKind].map(([kind, holders]) => ({
    kind,
    holders: [...holders.values()].sort((a, b) => b.last.getTime() - a.last.getTime()),
  }));
}
