import type { Database, Executor } from "@caseward/db";
import { and, asc, count, desc, eq, notInArray } from "@caseward/db";
import { cases, companies, inboundMessages, inboundRawChunks } from "@caseward/db/schema";

import { openCase } from "../cases/case-service";
import { closedStatuses } from "../cases/status";
import { notFound, refusal } from "../errors";
import type { FileInboundOptions, FilingOutcome } from "./file-message";
import { fileIntoCase, understandStoredMessage } from "./file-message";
import type { FileInboxInput, InboxMessageInput, OpenCaseFromInboxInput } from "./inbox-schemas";
import { fileInboxInput, inboxMessageInput, openCaseFromInboxInput } from "./inbox-schemas";

/**
 * The Inbox: emails that came in but were not filed on their own (an unknown sender, no case or
 * several matching, unreadable). The user files one into a case, opens a new case from it, or
 * discards it.
 */

/** How many emails wait in the user's Inbox (the navigation's count). */
export async function countInbox(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.ownerId, userId), eq(inboundMessages.state, "inbox")));
  return row?.n ?? 0;
}

/** The emails waiting in the user's Inbox, newest first, each with the cases to suggest. */
export async function listInbox(db: Executor, userId: string) {
  const rows = await db
    .select({
      id: inboundMessages.id,
      fromAddress: inboundMessages.fromAddress,
      subject: inboundMessages.subject,
      sentAt: inboundMessages.sentAt,
      receivedAt: inboundMessages.receivedAt,
      reason: inboundMessages.inboxReason,
      suggestedCompanyId: inboundMessages.suggestedCompanyId,
      suggestedCompanyName: companies.name,
    })
    .from(inboundMessages)
    .leftJoin(
      companies,
      and(
        eq(companies.id, inboundMessages.suggestedCompanyId),
        eq(companies.ownerId, inboundMessages.ownerId),
      ),
    )
    .where(and(eq(inboundMessages.ownerId, userId), eq(inboundMessages.state, "inbox")))
    .orderBy(desc(inboundMessages.receivedAt), asc(inboundMessages.id))
    .limit(200);
  // Every open case, newest activity first: the list to file into, suggested ones on top.
  const openCases = await db
    .select({
      id: cases.id,
      title: cases.title,
      companyId: cases.companyId,
      companyName: companies.name,
    })
    .from(cases)
    .innerJoin(companies, and(eq(companies.id, cases.companyId), eq(companies.ownerId, userId)))
    .where(and(eq(cases.ownerId, userId), notInArray(cases.status, [...closedStatuses])))
    .orderBy(desc(cases.updatedAt), asc(cases.id))
    .limit(500);
  return {
    entries: rows.map((row) => ({
      ...row,
      suggestedCases: openCases
        .filter((c) => c.companyId === row.suggestedCompanyId)
        .map(({ id, title }) => ({ id, title })),
    })),
    openCases,
  };
}

export type InboxEntry = Awaited<ReturnType<typeof listInbox>>["entries"][number];

async function ownInboxMessage(db: Executor, userId: string, inboundMessageId: string) {
  const [row] = await db
    .select({ id: inboundMessages.id, state: inboundMessages.state })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.id, inboundMessageId), eq(inboundMessages.ownerId, userId)));
  if (!row) throw notFound("Email");
  return row;
}

/** The user files an Inbox email into one of their cases (whoever sent it: they decided). */
export async function fileFromInbox(
  db: Database,
  userId: string,
  input: FileInboxInput,
  options: FileInboundOptions = {},
): Promise<FilingOutcome> {
  const { inboundMessageId, caseId } = fileInboxInput.parse(input);
  const message = await ownInboxMessage(db, userId, inboundMessageId);
  if (message.state !== "inbox") {
    throw refusal("CONFLICT", "emailNotInInbox");
  }
  const { understood, raw, settings } = await understandStoredMessage(
    db,
    userId,
    inboundMessageId,
    options.receivingDomain,
  );
  if (!understood.readable || !raw) {
    throw refusal("BAD_REQUEST", "emailCannotBeFiled");
  }
  const outcome = await fileIntoCase(
    db,
    userId,
    { inboundMessageId, caseId, mail: understood.mail, contact: understood.contact, raw, settings },
    { ...options, fromStates: ["inbox"] },
  );
  if (outcome.already) {
    throw refusal("CONFLICT", "emailNotInInbox");
  }
  return outcome;
}

/** The user opens a new case with a company from an Inbox email, and the email is filed in it. */
export async function openCaseFromInbox(
  db: Database,
  userId: string,
  input: OpenCaseFromInboxInput,
  options: FileInboundOptions = {},
) {
  const parsed = openCaseFromInboxInput.parse(input);
  const message = await ownInboxMessage(db, userId, parsed.inboundMessageId);
  if (message.state !== "inbox") {
    throw refusal("CONFLICT", "emailNotInInbox");
  }
  const opened = await openCase(db, userId, { companyId: parsed.companyId, title: parsed.title });
  return fileFromInbox(
    db,
    userId,
    { inboundMessageId: parsed.inboundMessageId, caseId: opened.id },
    options,
  );
}

/** The user throws an Inbox email away: its stored bytes go, the row stays as discarded. */
export async function discardFromInbox(db: Database, userId: string, input: InboxMessageInput) {
  const { inboundMessageId } = inboxMessageInput.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(inboundMessages)
      .set({ state: "discarded", fromAddress: null, subject: null })
      .where(
        and(
          eq(inboundMessages.id, inboundMessageId),
          eq(inboundMessages.ownerId, userId),
          eq(inboundMessages.state, "inbox"),
        ),
      )
      .returning({ id: inboundMessages.id });
    if (!row) {
      await ownInboxMessage(tx, userId, inboundMessageId);
      throw refusal("CONFLICT", "emailNotInInbox");
    }
    await tx
      .delete(inboundRawChunks)
      .where(
        and(
          eq(inboundRawChunks.inboundMessageId, inboundMessageId),
          eq(inboundRawChunks.ownerId, userId),
        ),
      );
    return { id: row.id, state: "discarded" as const };
  });
}
