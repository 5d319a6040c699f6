import type { Database, Executor } from "@caseward/db";
import { and, count, eq, inArray } from "@caseward/db";
import { cases, contacts, notifications, redFlags } from "@caseward/db/schema";
import type {
  ChannelStatus,
  ContactDirection,
  DisclosureKind,
  RedFlagKind,
  RedFlagSource,
} from "@caseward/db/vocabulary";
import type { z } from "zod";

import { notFound } from "../errors";
import { nextSendTime } from "../escalation/quiet-hours";
import { ownContact, ownRedFlag } from "../ownership";
import { getSettings } from "../settings/settings-service";
import { caseId as caseIdInput } from "../cases/schemas";
import { isInboundUnverified, scanForRedFlags } from "./red-flags";
import { redFlagIdInput, redFlagInput } from "./schemas";

export interface RaisedFlag {
  kind: RedFlagKind;
  source: RedFlagSource;
}

/** One flag per kind: what the user marked wins over what the scan or the channel found. */
export function mergeRedFlags(flags: readonly RaisedFlag[]): RaisedFlag[] {
  const rank: Record<RedFlagSource, number> = { marked: 0, inbound: 1, scanned: 2 };
  const byKind = new Map<RedFlagKind, RaisedFlag>();
  for (const flag of flags) {
    const seen = byKind.get(flag.kind);
    if (!seen || rank[flag.source] < rank[seen.source]) byKind.set(flag.kind, flag);
  }
  return [...byKind.values()];
}

/** Giving these because the company asked is itself a red flag. */
const askedForSecret: Partial<Record<DisclosureKind, RedFlagKind>> = {
  password: "asked_password",
  one_time_code: "asked_one_time_code",
};

export function redFlagsFromDisclosures(
  list: readonly { kind: DisclosureKind; asked?: boolean }[],
) {
  return list.flatMap((d) => {
    const flag = d.asked !== false ? askedForSecret[d.kind] : undefined;
    return flag ? [flag] : [];
  });
}

/**
 * The warning signs of a new contact: what the user marked, what their disclosures imply (a
 * password given on request), an inbound contact on an unverified channel, and what the scan
 * finds in what was said.
 */
export function redFlagsOfContact(contact: {
  marked: readonly RedFlagKind[];
  disclosures: readonly { kind: DisclosureKind; asked?: boolean }[];
  direction: ContactDirection;
  channelStatus: ChannelStatus | null;
  said: readonly (string | undefined)[];
}): RaisedFlag[] {
  return mergeRedFlags([
    ...[...contact.marked, ...redFlagsFromDisclosures(contact.disclosures)].map((kind) => ({
      kind,
      source: "marked" as const,
    })),
    ...(isInboundUnverified(contact)
      ? [{ kind: "inbound_unverified" as const, source: "inbound" as const }]
      : []),
    ...scanForRedFlags(contact.said.filter(Boolean).join("\n")).map((kind) => ({
      kind,
      source: "scanned" as const,
    })),
  ]);
}

/**
 * Stores the red flags of a contact (those it already has are kept), flags the case, and owes
 * the user an email with the advice when they want one. Returns the flags that are new.
 */
export async function recordRedFlags(
  tx: Executor,
  userId: string,
  target: { caseId: string; contactId: string; flags: readonly RaisedFlag[] },
  now = new Date(),
) {
  const flags = mergeRedFlags(target.flags);
  if (flags.length === 0) return [];
  const added = await tx
    .insert(redFlags)
    .values(flags.map((f) => ({ ownerId: userId, contactId: target.contactId, ...f })))
    .onConflictDoNothing()
    .returning({ kind: redFlags.kind, source: redFlags.source });
  if (added.length === 0) return [];
  await tx
    .update(cases)
    .set({ flaggedAt: now })
    .where(and(eq(cases.id, target.caseId), eq(cases.ownerId, userId)));
  const settings = await getSettings(tx, userId);
  if (settings.emailRedFlags) {
    const kinds = added.map((f) => f.kind).sort();
    await tx
      .insert(notifications)
      .values({
        ownerId: userId,
        caseId: target.caseId,
        contactId: target.contactId,
        kind: "red_flag",
        dedupeKey: `red_flag:${target.contactId}:${kinds.join("+")}`,
        sendAfter: nextSendTime(
          now,
          { start: settings.quietHoursStart, end: settings.quietHoursEnd },
          settings.timeZone,
        ),
      })
      .onConflictDoNothing();
  }
  return added;
}

/** The user marks a warning sign on a saved contact. */
export async function markRedFlag(
  db: Database,
  userId: string,
  input: z.input<typeof redFlagInput>,
) {
  const parsed = redFlagInput.parse(input);
  return db.transaction(async (tx) => {
    const contact = await ownContact(tx, userId, parsed.contactId, {
      columns: { id: contacts.id, caseId: contacts.caseId },
    });
    const added = await recordRedFlags(tx, userId, {
      caseId: contact.caseId,
      contactId: contact.id,
      flags: [{ kind: parsed.kind, source: "marked" }],
    });
    return { contactId: contact.id, added: added.map((f) => f.kind) };
  });
}

/** The user dealt with the warning: the case no longer shows as flagged (the flags stay on record). */
export async function clearCaseFlag(
  db: Database,
  userId: string,
  input: z.input<typeof caseIdInput>,
) {
  const { caseId } = caseIdInput.parse(input);
  const [updated] = await db
    .update(cases)
    .set({ flaggedAt: null })
    .where(and(eq(cases.id, caseId), eq(cases.ownerId, userId)))
    .returning({ id: cases.id });
  if (!updated) throw notFound("Case");
  return updated;
}

/**
 * The user removes a red flag recorded by mistake (a scan that misread the notes). When none is
 * left in the case, the case no longer shows as flagged; an advice email not sent yet about
 * that contact finds no flag and is not sent.
 */
export async function deleteRedFlag(
  db: Database,
  userId: string,
  input: z.input<typeof redFlagIdInput>,
) {
  const { redFlagId } = redFlagIdInput.parse(input);
  return db.transaction(async (tx) => {
    const flag = await ownRedFlag(tx, userId, redFlagId, {
      columns: { id: redFlags.id, contactId: redFlags.contactId, kind: redFlags.kind },
      forUpdate: true,
    });
    const contact = await ownContact(tx, userId, flag.contactId, {
      columns: { caseId: contacts.caseId },
    });
    await tx.delete(redFlags).where(and(eq(redFlags.id, flag.id), eq(redFlags.ownerId, userId)));
    const [left] = await tx
      .select({ n: count() })
      .from(redFlags)
      .innerJoin(contacts, eq(contacts.id, redFlags.contactId))
      .where(and(eq(contacts.caseId, contact.caseId), eq(redFlags.ownerId, userId)));
    if (left?.n === 0) {
      await tx
        .update(cases)
        .set({ flaggedAt: null })
        .where(and(eq(cases.id, contact.caseId), eq(cases.ownerId, userId)));
    }
    return { id: flag.id, kind: flag.kind, caseFlagCleared: left?.n === 0 };
  });
}

/** The red flags of some contacts, for the timeline. */
export async function redFlagsOfContacts(db: Executor, userId: string, contactIds: string[]) {
  if (contactIds.length === 0) return [];
  return db
    .select()
    .from(redFlags)
    .where(and(eq(redFlags.ownerId, userId), inArray(redFlags.contactId, contactIds)));
}
