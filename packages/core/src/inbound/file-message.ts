import type { Database, Executor, Transaction } from "@caseward/db";
import { and, eq } from "@caseward/db";
import {
  cases,
  channels,
  contacts,
  inboundMessages,
  inboundRawChunks,
  users,
} from "@caseward/db/schema";
import type { InboundState, InboxReason } from "@caseward/db/vocabulary";
import { z } from "zod";

import { addAttachmentInTransaction } from "../attachments/attachment-service";
import { siteDomainOf } from "../channels/domains";
import { companyToCheckAgainst } from "../companies/domain-list";
import type { ScheduleTimers } from "../contacts/contact-service";
import { logContactInTransaction, scheduleQuietly } from "../contacts/contact-service";
import { latestPlausibleContactTime, logContactInput } from "../contacts/schemas";
import { DomainError, notFound } from "../errors";
import { ownCase } from "../ownership";
import { findFullSecret } from "../privacy/find-full-secret";
import { maskSecret } from "../privacy/mask-secret";
import { recordRedFlags } from "../privacy/red-flag-service";
import type { Settings } from "../settings/settings-service";
import { calendarOf, getSettings } from "../settings/settings-service";
import type { MailContact, UserAddresses } from "./direction";
import { isUsersAddress } from "./direction";
import type { ForwardFormat } from "./forwarded";
import { mailWarnings, maskMailText } from "./mail-safety";
import { rebuiltEml } from "./masked-eml";
import { matchMail } from "./match-mail";
import { proposePromise, proposeReference } from "./proposals";
import type { MailAddress, ReadMail } from "./read-mail";
import { confirmedSenderAddresses } from "./sender-addresses";
import type { DnsResolver } from "./sender-authentication";
import { checkSender, senderVerdict } from "./sender-authentication";
import { readInboundRaw } from "./store";
import type { UnderstoodMail } from "./understand-mail";
import { understandMail } from "./understand-mail";

/**
 * Filing one received email (the worker's `file-inbound` job, the Inbox's "file", an `.eml`
 * dropped on a case): read it, find its case (./match-mail.ts), and record it there as an email
 * contact through the contact service, so the response window and promises follow PRODUCT.md
 * (outbound starts the window; inbound satisfies it and a pending promise). The contact, its
 * red flags, its files, the original as an `.eml`, and the message's new state are one
 * transaction on the message's locked row: a job delivered twice files the email once.
 */

export interface FileInboundOptions {
  /** Hands new deadlines to the queue after the commit. */
  schedule?: ScheduleTimers;
  /** The user's file quota (UPLOAD_QUOTA_MB). */
  quotaBytes?: number;
  /** Caseward's receiving domain (INBOUND_DOMAIN): its addresses are never the company. */
  receivingDomain?: string;
  /** The DNS that DKIM, SPF and DMARC ask (the system's; a table of records in tests). */
  resolver?: DnsResolver;
}

export interface FilingOutcome {
  inboundMessageId: string;
  state: InboundState;
  caseId: string | null;
  contactId: string | null;
  inboxReason: InboxReason | null;
  /** Nothing was done: the message had been filed, held or discarded before this call. */
  already: boolean;
  /**
   * Files of the email (its attachments, the `.eml`) left out of the contact, over the file
   * quota or refused by the upload rules; the contact's notes name each one and why.
   */
  filesNotKept: number;
}

/** At most this many files of one email are kept (each within the upload limits). */
const maxFilesPerEmail = 20;

const clientNames: Record<ForwardFormat, string> = {
  gmail: "Gmail",
  outlook: "Outlook",
  apple_mail: "Apple Mail",
  thunderbird: "Thunderbird",
  attached_message: "your mail program, as an attachment",
  other_client: "your mail program",
};

const shown = (address: MailAddress | null) =>
  address
    ? address.name
      ? `${maskSecret(address.name)} <${address.address}>`
      : address.address
    : "";

/**
 * The user's own addresses: the account's (confirmed by signing up) and the other sender
 * addresses they confirmed (./sender-addresses.ts).
 */
export async function userAddressesOf(
  db: Executor,
  userId: string,
  receivingDomain?: string,
): Promise<UserAddresses> {
  const [[user], others] = await Promise.all([
    db.select({ email: users.email }).from(users).where(eq(users.id, userId)),
    confirmedSenderAddresses(db, userId),
  ]);
  return { own: user ? [user.email.toLowerCase(), ...others] : [], receivingDomain };
}

/**
 * Reads a stored message for its owner, on their clock and with their addresses (both returned,
 * so that filing it reads them once).
 */
export async function understandStoredMessage(
  db: Database,
  userId: string,
  inboundMessageId: string,
  receivingDomain?: string,
): Promise<{
  understood: UnderstoodMail;
  raw: Uint8Array | null;
  settings: Settings;
  user: UserAddresses;
}> {
  const [settings, user] = await Promise.all([
    getSettings(db, userId),
    userAddressesOf(db, userId, receivingDomain),
  ]);
  let raw: Uint8Array;
  try {
    raw = await readInboundRaw(db, userId, inboundMessageId);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // A chunk that no longer decrypts: the message cannot be read, the rest goes on.
    return {
      understood: { readable: false, problem: "The stored message could not be read back." },
      raw: null,
      settings,
      user,
    };
  }
  const understood = await understandMail(raw, { timeZone: settings.timeZone, user });
  return { understood, raw, settings, user };
}

/** What the Inbox shows of a message: who it is from, its subject and date (masked). */
function inboxFields(understood: UnderstoodMail, reason: InboxReason | null) {
  if (!understood.readable) return { fromAddress: null, subject: null, sentAt: null };
  const { mail, contact } = understood;
  // "From an address we don't know" (or not confirmed) shows that address; otherwise the
  // company's side.
  const from =
    reason === "unknown_sender" || reason === "unconfirmed_sender"
      ? mail.from
      : contact.direction === "inbound"
        ? contact.original.from
        : mail.from;
  return {
    fromAddress: shown(from) || null,
    subject: maskSecret(contact.original.subject) || null,
    sentAt: contact.original.date ?? mail.date,
  };
}

async function holdInInbox(
  db: Executor,
  userId: string,
  inboundMessageId: string,
  understood: UnderstoodMail,
  hold: { reason: InboxReason; suggestedCompanyId: string | null },
): Promise<FilingOutcome> {
  const [held] = await db
    .update(inboundMessages)
    .set({
      state: "inbox",
      inboxReason: hold.reason,
      suggestedCompanyId: hold.suggestedCompanyId,
      ...inboxFields(understood, hold.reason),
    })
    .where(
      and(
        eq(inboundMessages.id, inboundMessageId),
        eq(inboundMessages.ownerId, userId),
        eq(inboundMessages.state, "received"),
      ),
    )
    .returning({ id: inboundMessages.id });
  if (!held) return currentOutcome(db, inboundMessageId, true);
  return {
    inboundMessageId,
    state: "inbox",
    caseId: null,
    contactId: null,
    inboxReason: hold.reason,
    already: false,
    filesNotKept: 0,
  };
}

async function currentOutcome(
  db: Executor,
  inboundMessageId: string,
  already: boolean,
): Promise<FilingOutcome> {
  const [row] = await db
    .select({
      state: inboundMessages.state,
      contactId: inboundMessages.contactId,
      inboxReason: inboundMessages.inboxReason,
      caseId: contacts.caseId,
    })
    .from(inboundMessages)
    .leftJoin(
      contacts,
      and(
        eq(contacts.id, inboundMessages.contactId),
        eq(contacts.ownerId, inboundMessages.ownerId),
      ),
    )
    .where(eq(inboundMessages.id, inboundMessageId));
  if (!row) throw notFound("Email");
  return {
    inboundMessageId,
    state: row.state,
    caseId: row.caseId,
    contactId: row.contactId,
    inboxReason: row.inboxReason,
    already,
    filesNotKept: 0,
  };
}

/** The worker's entry: file a message just received, or hold it in the Inbox. */
export async function fileInboundMessage(
  db: Database,
  inboundMessageId: string,
  options: FileInboundOptions = {},
): Promise<FilingOutcome | null> {
  if (!z.uuid().safeParse(inboundMessageId).success) return null;
  const [row] = await db
    .select({
      ownerId: inboundMessages.ownerId,
      state: inboundMessages.state,
      caseId: inboundMessages.caseId,
      envelopeFrom: inboundMessages.envelopeFrom,
      smtpClient: inboundMessages.smtpClient,
    })
    .from(inboundMessages)
    .where(eq(inboundMessages.id, inboundMessageId));
  // Deleted with its account in the meantime: nothing to file.
  if (!row) return null;
  if (row.state !== "received") return currentOutcome(db, inboundMessageId, true);
  const userId = row.ownerId;

  const { understood, raw, settings, user } = await understandStoredMessage(
    db,
    userId,
    inboundMessageId,
    options.receivingDomain,
  );
  if (!understood.readable || !raw) {
    return holdInInbox(db, userId, inboundMessageId, understood, {
      reason: "unreadable",
      suggestedCompanyId: null,
    });
  }
  const { mail, contact } = understood;
  const fromUser = isUsersAddress(mail.from?.address, user);
  // Mail from the user's own address is filed on its own: only when its domain does not say
  // it is forged (./sender-authentication.ts).
  if (fromUser) {
    const check = await checkSender(
      raw,
      { client: row.smtpClient, mailFrom: row.envelopeFrom ?? "" },
      { resolver: options.resolver, receivingDomain: options.receivingDomain },
    );
    if (senderVerdict(check) === "not_confirmed") {
      return holdInInbox(db, userId, inboundMessageId, understood, {
        reason: "unconfirmed_sender",
        suggestedCompanyId: null,
      });
    }
  }
  const match = await matchMail(db, userId, {
    caseId: row.caseId,
    senderAddress: mail.from?.address ?? null,
    senderConfirmed: fromUser,
    companyAddress: contact.companyAddress?.address ?? null,
    references: [
      ...(mail.inReplyTo ? [mail.inReplyTo] : []),
      ...mail.references,
      ...contact.original.references,
    ],
  });
  if (!match.filed) return holdInInbox(db, userId, inboundMessageId, understood, match);
  return fileIntoCase(
    db,
    userId,
    { inboundMessageId, caseId: match.caseId, mail, contact, raw, settings },
    { ...options, fromStates: ["received"] },
  );
}

/** The company's email channel the mail went through, when it is on the ladder. */
async function emailChannelOf(
  tx: Executor,
  userId: string,
  companyId: string,
  address: string | undefined,
) {
  if (!address) return undefined;
  const rows = await tx
    .select({ id: channels.id, value: channels.value, status: channels.status })
    .from(channels)
    .where(
      and(
        eq(channels.ownerId, userId),
        eq(channels.companyId, companyId),
        eq(channels.kind, "email"),
      ),
    );
  const exact = rows.find((row) => row.value.toLowerCase() === address);
  if (exact) return exact.id;
  // Otherwise a verified address on the same domain: support@ answered for help@.
  const domain = siteDomainOf(address.slice(address.lastIndexOf("@") + 1))?.registrable;
  const sameDomain = rows.find(
    (row) =>
      row.status === "verified" &&
      siteDomainOf(row.value.slice(row.value.lastIndexOf("@") + 1))?.registrable === domain,
  );
  return sameDomain?.id;
}

function contactNotes(
  contact: MailContact,
  subject: string,
  warnings: readonly string[],
  note: string,
): string {
  const via = contact.forwardFormat
    ? `, forwarded from ${clientNames[contact.forwardFormat]}`
    : contact.direction === "outbound"
      ? ", with Caseward in copy"
      : "";
  const lines = [
    contact.direction === "inbound"
      ? `Email from ${shown(contact.original.from) || "an unknown sender"}${via}.`
      : `Email to ${shown(contact.companyAddress) || "the company"}${via}.`,
    subject ? `Subject: ${subject}` : "",
    ...warnings.map((warning) => `Warning: ${warning}`),
    note ? `Your note when forwarding: ${note.slice(0, 5_000)}` : "",
  ];
  return lines.filter(Boolean).join("\n");
}

/** Keeps one file of the email in a savepoint: a file the upload rules refuse is skipped. */
async function keepFile(
  tx: Transaction,
  userId: string,
  file: { contactId: string; fileName: string; bytes: Uint8Array },
  quotaBytes: number | undefined,
): Promise<string | null> {
  try {
    await tx.transaction((savepoint) =>
      addAttachmentInTransaction(savepoint, userId, file, { quotaBytes }),
    );
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    if (error instanceof z.ZodError) return error.issues[0]?.message ?? "It was refused.";
    throw error;
  }
}

interface MailToFile {
  inboundMessageId: string;
  caseId: string;
  mail: ReadMail;
  contact: MailContact;
  raw: Uint8Array;
  /** The owner's settings, when the caller has read them already. */
  settings?: Settings;
}

/**
 * Records the email as a contact of the case, with its warnings, proposals and files, and marks
 * it filed; nothing happens when the message is no longer in one of `fromStates`.
 */
export async function fileIntoCase(
  db: Database,
  userId: string,
  filing: MailToFile,
  options: FileInboundOptions & { fromStates: InboundState[] },
): Promise<FilingOutcome> {
  const { mail, contact } = filing;
  const settings = filing.settings ?? (await getSettings(db, userId));
  const original = maskMailText(contact.original);
  const note = maskSecret(contact.note);
  const latest = latestPlausibleContactTime();
  const candidate = original.date ?? mail.date ?? new Date();
  const sentAt = candidate > latest ? new Date() : candidate;
  const rawHasSecret = findFullSecret(mail.text) !== null || findFullSecret(mail.subject) !== null;
  const eml = original.masked || rawHasSecret ? await rebuiltEml(mail) : filing.raw;

  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ state: inboundMessages.state })
      .from(inboundMessages)
      .where(
        and(eq(inboundMessages.id, filing.inboundMessageId), eq(inboundMessages.ownerId, userId)),
      )
      .for("update");
    if (!row) throw notFound("Email");
    if (!options.fromStates.includes(row.state)) return null;

    const target = await ownCase(tx, userId, filing.caseId, {
      columns: { id: cases.id, companyId: cases.companyId },
    });
    const company = await companyToCheckAgainst(tx, userId, target.companyId);
    const checked = { ...contact, original };
    const { warnings, flags, senderOfficial } = mailWarnings(checked, company);
    const promise =
      contact.direction === "inbound"
        ? proposePromise(original.text, sentAt, calendarOf(settings))
        : null;
    const parsed = logContactInput.parse({
      caseId: target.id,
      channelId: await emailChannelOf(tx, userId, company.id, contact.companyAddress?.address),
      channelKind: "email",
      direction: contact.direction,
      startedAt: sentAt,
      referenceNumber: proposeReference(original.subject, original.text) ?? undefined,
      notes: contactNotes(contact, original.subject, warnings, note),
      transcript: original.text || undefined,
      promisedFollowUp: promise?.promise,
      followUpDueAt: promise?.dueAt,
    });
    // A sender on the company's official domain counts as its verified address (no warning);
    // any other inbound sender is the unverified inbound contact of PRODUCT.md.
    const { contact: logged, scheduled } = await logContactInTransaction(tx, userId, parsed, {
      channelStatus: senderOfficial ? "verified" : null,
    });
    await recordRedFlags(tx, userId, { caseId: target.id, contactId: logged.id, flags });

    const skipped: string[] = [];
    for (const [i, file] of mail.attachments.entries()) {
      const name = maskSecret(file.fileName).slice(0, 200);
      if (i >= maxFilesPerEmail) {
        skipped.push(`${name} (only the first ${maxFilesPerEmail} files of an email are kept)`);
        continue;
      }
      const why = await keepFile(
        tx,
        userId,
        { contactId: logged.id, fileName: name, bytes: file.bytes },
        options.quotaBytes,
      );
      if (why) skipped.push(`${name}: ${why}`);
    }
    let emlRefusal = await keepFile(
      tx,
      userId,
      { contactId: logged.id, fileName: "email.eml", bytes: eml },
      options.quotaBytes,
    );
    if (emlRefusal && eml === filing.raw) {
      // Bytes the sniffer does not take as text (an 8-bit charset): keep it rebuilt instead.
      emlRefusal = await keepFile(
        tx,
        userId,
        { contactId: logged.id, fileName: "email.eml", bytes: await rebuiltEml(mail) },
        options.quotaBytes,
      );
    }
    const emlKept = emlRefusal === null;
    if (emlRefusal) skipped.push(`the original email (email.eml): ${emlRefusal}`);
    if (skipped.length > 0) {
      await tx
        .update(contacts)
        .set({
          notes: `${parsed.notes}\nNot kept from this email: ${skipped.join("; ")}`.slice(
            0,
            20_000,
          ),
          search: null,
        })
        .where(and(eq(contacts.id, logged.id), eq(contacts.ownerId, userId)));
    }
    await tx
      .update(inboundMessages)
      .set({
        state: "filed",
        inboxReason: null,
        contactId: logged.id,
        filedAt: new Date(),
        ...inboxFields({ readable: true, mail, contact }, null),
      })
      .where(
        and(eq(inboundMessages.id, filing.inboundMessageId), eq(inboundMessages.ownerId, userId)),
      );
    // The contact's `.eml` is now the copy kept (masked when it held a secret): store the least.
    if (emlKept) {
      await tx
        .delete(inboundRawChunks)
        .where(
          and(
            eq(inboundRawChunks.inboundMessageId, filing.inboundMessageId),
            eq(inboundRawChunks.ownerId, userId),
          ),
        );
    }
    return { contactId: logged.id, scheduled, filesNotKept: skipped.length };
  });
  if (!result) return currentOutcome(db, filing.inboundMessageId, true);
  await scheduleQuietly(options.schedule, result.scheduled);
  return {
    inboundMessageId: filing.inboundMessageId,
    state: "filed",
    caseId: filing.caseId,
    contactId: result.contactId,
    inboxReason: null,
    already: false,
    filesNotKept: result.filesNotKept,
  };
}
