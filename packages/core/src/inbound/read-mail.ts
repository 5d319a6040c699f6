import type { AddressObject, Attachment, ParsedMail } from "mailparser";
import { simpleParser } from "mailparser";

/**
 * Reading one email from its raw bytes (RFC 5322 / MIME) into what Caseward files: the people,
 * the date, the subject, the text (an HTML-only body becomes text) and the files. Charsets are
 * decoded by mailparser (iconv-lite): ISO-8859-1, Windows-1252 and the rest read as written.
 */

/** Past these, a message is refused as unreadable before the parser sees it. */
export const mailLimits = {
  /** The header block of a real message is a few kilobytes; a header bomb is megabytes. */
  maxHeaderBytes: 256 * 1024,
  maxHeaderLines: 3_000,
  /** MIME parts (counted by their Content-Type lines); a real message has a handful. */
  maxParts: 500,
  /** Addresses in To and Cc together. */
  maxRecipients: 1_000,
  /** What is kept of the text: the transcript's limit. */
  maxTextChars: 200_000,
  /** Messages attached inside messages, read this deep and no deeper. */
  maxNesting: 3,
} as const;

export interface MailAddress {
  /** Lower case. */
  address: string;
  name: string;
}

export interface MailAttachment {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface ReadMail {
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  date: Date | null;
  subject: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  text: string;
  attachments: MailAttachment[];
  /** Messages attached whole (message/rfc822): a forward "as attachment". */
  attachedMessages: Uint8Array[];
}

export type MailReading = { readable: true; mail: ReadMail } | { readable: false; problem: string };

const unreadable = (problem: string): MailReading => ({ readable: false, problem });

/** The bytes up to the blank line that ends the headers, or null when there is none in reach. */
function headerBlockLength(raw: Uint8Array, limit: number): number | null {
  const end = Math.min(raw.byteLength, limit);
  for (let i = 0; i < end - 1; i++) {
    if (raw[i] !== 0x0a) continue;
    if (raw[i + 1] === 0x0a) return i;
    if (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a) return i;
  }
  return raw.byteLength <= limit ? raw.byteLength : null;
}

function countMatches(text: string, pattern: RegExp, stopAt: number): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) if (++n > stopAt) break;
  return n;
}

/** Why these bytes are not worth parsing, or null. Cheap: one pass, no MIME decoding. */
export function shapeProblem(raw: Uint8Array): string | null {
  if (raw.byteLength === 0) return "The message is empty.";
  const headerEnd = headerBlockLength(raw, mailLimits.maxHeaderBytes);
  if (headerEnd === null) return "The message's headers are too large to be a real email.";
  const latin1 = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("latin1");
  const headers = latin1.slice(0, headerEnd);
  if (countMatches(headers, /\n/g, mailLimits.maxHeaderLines) > mailLimits.maxHeaderLines) {
    return "The message has too many header lines to be a real email.";
  }
  if (!/^[\x21-\x39\x3b-\x7e]+:/m.test(headers)) return "This is not an email message.";
  if (countMatches(latin1, /^content-type:/gim, mailLimits.maxParts) > mailLimits.maxParts) {
    return "The message has too many parts to be a real email.";
  }
  return null;
}

function addressesOf(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out: MailAddress[] = [];
  const walk = (list: AddressObject["value"]) => {
    for (const entry of list) {
      if (entry.group) walk(entry.group);
      else if (entry.address) {
        out.push({ address: entry.address.toLowerCase(), name: entry.name ?? "" });
      }
    }
  };
  for (const object of objects) walk(object.value);
  return out;
}

function referencesOf(parsed: ParsedMail): string[] {
  const refs = parsed.references;
  const list = refs === undefined ? [] : Array.isArray(refs) ? refs : [refs];
  return list.flatMap((ref) => ref.split(/\s+/)).filter((ref) => ref.length > 0);
}

/** NUL and other control characters (not tabs or line breaks) are not text. */
export function cleanText(text: string, maxChars: number = mailLimits.maxTextChars): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .replace(/\r\n?/g, "\n")
      .replace(/\n{4,}/g, "\n\n\n")
      .trim()
      .slice(0, maxChars)
  );
}

function attachmentParts(list: Attachment[]) {
  const attachments: MailAttachment[] = [];
  const attachedMessages: Uint8Array[] = [];
  for (const part of list) {
    if (part.contentType === "message/rfc822") {
      attachedMessages.push(new Uint8Array(part.content));
    } else if (!part.related) {
      // An image the HTML shows inline (a logo) is part of the layout, not a file sent.
      attachments.push({
        fileName: part.filename ?? "attachment",
        contentType: part.contentType,
        bytes: new Uint8Array(part.content),
      });
    }
  }
  return { attachments, attachedMessages };
}

/**
 * One email, read. Anything that is not a readable message (a header bomb, thousands of parts,
 * too many recipients, bytes the parser gives up on) is `readable: false` with a sentence saying
 * why, never an exception.
 */
export async function readMail(raw: Uint8Array): Promise<MailReading> {
  const problem = shapeProblem(raw);
  if (problem) return unreadable(problem);
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), {
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
      maxHtmlLengthToParse: 5 * 1024 * 1024,
    });
  } catch {
    return unreadable("The message could not be read: its structure is broken.");
  }
  const to = addressesOf(parsed.to);
  const cc = addressesOf(parsed.cc);
  if (to.length + cc.length > mailLimits.maxRecipients) {
    return unreadable("The message has too many recipients to be a personal email.");
  }
  const from = addressesOf(parsed.from)[0] ?? null;
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null;
  return {
    readable: true,
    mail: {
      from,
      to,
      cc,
      date,
      subject: cleanText(parsed.subject ?? "", 500),
      messageId: parsed.messageId ?? null,
      inReplyTo: parsed.inReplyTo ?? null,
      references: referencesOf(parsed),
      text: cleanText(parsed.text ?? ""),
      ...attachmentParts(parsed.attachments),
    },
  };
}
