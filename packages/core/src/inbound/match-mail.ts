import type { Executor } from "@caseward/db";
import { and, asc, eq, inArray, isNotNull, notInArray } from "@caseward/db";
import { cases, companies, companyDomains, contacts, inboundMessages } from "@caseward/db/schema";
import type { InboxReason } from "@caseward/db/vocabulary";

import { checkChannel } from "../channels/check-channel";
import { siteDomainOf } from "../channels/domains";
import { closedStatuses } from "../cases/status";
import { companyToCheckAgainst } from "../companies/domain-list";
import { lookupHashes } from "../encryption/lookup-hash";
import { messageKeySource } from "./store";

/**
 * Where a mail goes, in order (issue 15):
 *   1. the case's own address (`token+mailkey@…`): that case;
 *   2. the thread: a Message-ID it answers (In-Reply-To / References) already filed in a case;
 *   3. the company, by the registrable domain of the company's side (the original sender of an
 *      inbound mail, the recipient of an outbound one) against the companies' official domains:
 *      its one open case; several or none → the Inbox with the company suggested;
 *   4. otherwise the Inbox.
 * Filed on its own only when sent from one of the user's own addresses, or, to a case's own
 * address, from one of that company's official domains. Anything else waits in the Inbox as
 * "from an address we don't know".
 */

export type MailMatch =
  | { filed: true; caseId: string; by: "case_address" | "thread" | "company" }
  | { filed: false; reason: InboxReason; suggestedCompanyId: string | null };

export interface MailToMatch {
  /** The case whose own address the mail came to, or null (the user's main address). */
  caseId: string | null;
  /** The address the mail came from (its From header), lower case. */
  senderAddress: string | null;
  /** The sender is one of the user's confirmed addresses. */
  senderConfirmed: boolean;
  /** The company's side of the conversation, lower case. */
  companyAddress: string | null;
  /** Message-IDs the mail answers: In-Reply-To and References of the mail and its original. */
  references: readonly string[];
}

const inbox = (reason: InboxReason, suggestedCompanyId: string | null = null): MailMatch => ({
  filed: false,
  reason,
  suggestedCompanyId,
});

/** The case a mail answers: one whose filed message has an id the mail refers to. */
async function caseOfThread(tx: Executor, userId: string, references: readonly string[]) {
  const keys = [...new Set(references)]
    .slice(0, 100)
    .flatMap((ref) => lookupHashes(messageKeySource(ref, new Uint8Array())));
  if (keys.length === 0) return null;
  const [found] = await tx
    .select({ caseId: contacts.caseId })
    .from(inboundMessages)
    .innerJoin(
      contacts,
      and(eq(contacts.id, inboundMessages.contactId), eq(contacts.ownerId, userId)),
    )
    .where(
      and(
        eq(inboundMessages.ownerId, userId),
        inArray(inboundMessages.messageKey, keys),
        isNotNull(inboundMessages.contactId),
      ),
    )
    .orderBy(asc(inboundMessages.receivedAt))
    .limit(1);
  return found?.caseId ?? null;
}

/** The user's companies one of whose official domains is the address's registrable domain. */
export async function companiesOfAddress(tx: Executor, userId: string, address: string | null) {
  const host = address?.slice(address.lastIndexOf("@") + 1) ?? "";
  const registrable = siteDomainOf(host)?.registrable;
  if (!registrable) return [];
  const rows = await tx
    .selectDistinct({ id: companies.id })
    .from(companyDomains)
    .innerJoin(
      companies,
      and(eq(companies.id, companyDomains.companyId), eq(companies.ownerId, userId)),
    )
    .where(and(eq(companyDomains.ownerId, userId), eq(companyDomains.domain, registrable)));
  return rows.map((row) => row.id);
}

async function openCasesOf(tx: Executor, userId: string, companyIds: string[]) {
  if (companyIds.length === 0) return [];
  return tx
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        eq(cases.ownerId, userId),
        inArray(cases.companyId, companyIds),
        notInArray(cases.status, [...closedStatuses]),
      ),
    )
    .limit(2);
}

/** Whether the address is on one of the official domains of the case's company. */
async function fromCaseCompany(tx: Executor, userId: string, caseId: string, address: string) {
  const [row] = await tx
    .select({ companyId: cases.companyId })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.ownerId, userId)));
  if (!row) return { companyId: null, official: false };
  const company = await companyToCheckAgainst(tx, userId, row.companyId);
  const check = checkChannel({ kind: "email", value: address }, company);
  return { companyId: row.companyId, official: check.status === "ok" };
}

export async function matchMail(
  tx: Executor,
  userId: string,
  mail: MailToMatch,
): Promise<MailMatch> {
  if (mail.caseId) {
    if (mail.senderConfirmed) return { filed: true, caseId: mail.caseId, by: "case_address" };
    const sender = await fromCaseCompany(tx, userId, mail.caseId, mail.senderAddress ?? "");
    if (sender.official) return { filed: true, caseId: mail.caseId, by: "case_address" };
    return inbox("unknown_sender", sender.companyId);
  }
  const companyIds = await companiesOfAddress(tx, userId, mail.companyAddress);
  const suggested = companyIds.length === 1 ? companyIds[0]! : null;
  if (!mail.senderConfirmed) return inbox("unknown_sender", suggested);

  const threadCase = await caseOfThread(tx, userId, mail.references);
  if (threadCase) return { filed: true, caseId: threadCase, by: "thread" };

  if (companyIds.length === 0) return inbox("no_match");
  const open = await openCasesOf(tx, userId, companyIds);
  if (open.length === 1) return { filed: true, caseId: open[0]!.id, by: "company" };
  return inbox(open.length === 0 ? "no_match" : "several_cases", suggested);
}
