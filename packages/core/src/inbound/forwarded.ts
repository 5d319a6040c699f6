import EmailForwardParser from "email-forward-parser";
import type { EmailForwardMailbox } from "email-forward-parser";

import { readHeaderDate } from "./mail-dates";
import type { MailAddress, ReadMail } from "./read-mail";
import { cleanText, mailLimits, readMail } from "./read-mail";

/**
 * A forwarded email: which client forwarded it, and the original message inside (its sender,
 * date, subject and text). Forwarding is not standardised (no RFC): each client writes its own
 * separator and header block, which `email-forward-parser` knows (Gmail, Outlook desktop and
 * web, Apple Mail, Thunderbird, Yahoo…, in English and French among others). A message
 * attached whole (message/rfc822) is read as a message of its own.
 */

export const forwardFormats = [
  "gmail",
  "outlook",
  "apple_mail",
  "thunderbird",
  "attached_message",
  "other_client",
] as const;
export type ForwardFormat = (typeof forwardFormats)[number];

export interface OriginalMail {
  from: MailAddress | null;
  to: MailAddress[];
  date: Date | null;
  subject: string;
  text: string;
  messageId: string | null;
  references: string[];
}

export interface ForwardedMail {
  format: ForwardFormat;
  original: OriginalMail;
  /** What the user wrote above the forwarded message. */
  note: string;
}

// Each client's separator, as it writes it (case matters: Gmail "message", Thunderbird "Message").
const formatMarkers: readonly [ForwardFormat, RegExp][] = [
  ["gmail", /-{5,} Forwarded message -{5,}/],
  ["thunderbird", /-{5,} (?:Forwarded Message|Message transféré) -{5,}/],
  ["apple_mail", /Begin forwarded message:|Début du message réexpédié/],
  ["outlook", /^[>\s*]*(?:From|De) ?:.*\n[>\s*]*(?:Sent|Envoyé) ?:/im],
];

/** The forwarding prefix, in the languages mail clients write it ("Fwd:", "FW:", "TR :"). */
const forwardPrefix = /^(?:\s*(?:fwd?|tr|wg|rv|enc|re)\s*[:：]\s*)+/i;

export function subjectWithoutPrefix(subject: string): string {
  return subject
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(forwardPrefix, "")
    .trim();
}

function addressOf(mailbox: EmailForwardMailbox | null | undefined): MailAddress | null {
  if (!mailbox?.address) return null;
  return { address: mailbox.address.trim().toLowerCase(), name: mailbox.name?.trim() ?? "" };
}

function addressesOf(
  value: EmailForwardMailbox | EmailForwardMailbox[] | null | undefined,
): MailAddress[] {
  const list = value == null ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((mailbox) => addressOf(mailbox) ?? []);
}

function formatOf(text: string): ForwardFormat {
  for (const [format, marker] of formatMarkers) if (marker.test(text)) return format;
  return "other_client";
}

interface ReadingContext {
  /** The user's settings zone: a forwarded date without an offset is on their clock. */
  timeZone: string;
  depth?: number;
}

async function attachedOriginal(
  mail: ReadMail,
  context: ReadingContext,
): Promise<ForwardedMail | null> {
  const depth = context.depth ?? 0;
  if (depth >= mailLimits.maxNesting) return null;
  for (const bytes of mail.attachedMessages) {
    const reading = await readMail(bytes);
    if (!reading.readable || !reading.mail.from) continue;
    const inner = reading.mail;
    return {
      format: "attached_message",
      original: {
        from: inner.from,
        to: inner.to,
        date: inner.date,
        subject: inner.subject,
        text: inner.text,
        messageId: inner.messageId,
        references: [...inner.references, ...(inner.inReplyTo ? [inner.inReplyTo] : [])],
      },
      note: mail.text,
    };
  }
  return null;
}

/** The original message inside a forward, or null when this mail is not a forward. */
export async function forwardedOf(
  mail: ReadMail,
  context: ReadingContext,
): Promise<ForwardedMail | null> {
  // The parser decides partly on the subject; give it the prefix it knows in every language.
  const subject = forwardPrefix.test(mail.subject.replace(/[\u00a0\u202f]/g, " "))
    ? `Fwd: ${subjectWithoutPrefix(mail.subject)}`
    : mail.subject;
  const result = new EmailForwardParser().read(mail.text, subject);
  const from = result.forwarded ? addressOf(result.email.from) : null;
  if (result.forwarded && from) {
    return {
      format: formatOf(mail.text),
      original: {
        from,
        to: addressesOf(result.email.to),
        date: readHeaderDate(result.email.date ?? "", context.timeZone, mail.date ?? new Date()),
        subject: cleanText(result.email.subject ?? subjectWithoutPrefix(mail.subject), 500),
        text: cleanText(result.email.body ?? ""),
        messageId: null,
        references: [],
      },
      note: cleanText(result.message ?? ""),
    };
  }
  return attachedOriginal(mail, context);
}
