import type { CompanyToCheckAgainst } from "../channels/check-channel";
import { checkChannel } from "../channels/check-channel";
import { maskSecret } from "../privacy/mask-secret";
import type { RaisedFlag } from "../privacy/red-flag-service";
import type { MailContact } from "./direction";

/**
 * The seed's warnings, applied to a company's email: the sender's address and the links in the
 * text are checked against the company's official domains with the same `checkChannel` as any
 * channel; full card and national id numbers are masked (the privacy module's rule) before
 * anything is stored.
 */

export interface MailCompany extends CompanyToCheckAgainst {
  name: string;
}

export interface MailWarnings {
  /** Sentences for the user, stored with the contact. */
  warnings: string[];
  flags: RaisedFlag[];
  /** The company's mail came from one of its official domains. */
  senderOfficial: boolean;
}

// http(s) links as written in text; the trailing punctuation of a sentence is not part of them.
const linkPattern = /\bhttps?:\/\/[^\s<>"'()[\]]+/gi;

export function linksIn(text: string): string[] {
  return [...new Set([...text.matchAll(linkPattern)].map((m) => m[0].replace(/[.,;:!?]+$/, "")))];
}

/** The warnings a company's email raises: a sender or links only pretending to be the company. */
export function mailWarnings(contact: MailContact, company: MailCompany): MailWarnings {
  if (contact.direction !== "inbound") return { warnings: [], flags: [], senderOfficial: false };
  const warnings: string[] = [];
  const sender = contact.companyAddress?.address;
  let senderOfficial = false;
  if (sender) {
    const check = checkChannel({ kind: "email", value: sender }, company);
    senderOfficial = check.status === "ok";
    if (!senderOfficial) {
      warnings.push(`This email's sender only looks like ${company.name}: ${check.reason}`);
    }
  }
  for (const link of linksIn(contact.original.text).slice(0, 200)) {
    // As for a regulator's site: a link elsewhere is fine, one imitating the company is not.
    const check = checkChannel({ kind: "regulator", value: link }, company);
    if (check.status === "suspicious") {
      warnings.push(`A link in this email only looks like ${company.name}'s site: ${check.reason}`);
    }
  }
  const unique = [...new Set(warnings)];
  return {
    warnings: unique,
    flags: unique.length > 0 ? [{ kind: "inbound_unverified", source: "inbound" }] : [],
    senderOfficial,
  };
}

/** Every full card or national id number in a mail's text, masked (last digits kept). */
export function maskMailText<T extends { text: string; subject: string }>(
  mail: T,
): T & { masked: boolean } {
  const text = maskSecret(mail.text);
  const subject = maskSecret(mail.subject);
  return { ...mail, text, subject, masked: text !== mail.text || subject !== mail.subject };
}
