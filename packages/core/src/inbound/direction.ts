import type { ContactDirection } from "@caseward/db/vocabulary";

import type { ForwardFormat, ForwardedMail, OriginalMail } from "./forwarded";
import type { MailAddress, ReadMail } from "./read-mail";

/**
 * Which way a mail went between the user and a company (PRODUCT.md: outbound starts the
 * response window, inbound satisfies it):
 *   - the user forwards a company's mail → inbound, the original inside is the contact;
 *   - the user forwards their own sent mail → outbound;
 *   - the user sends to a company with the Caseward address in BCC → outbound;
 *   - a company's mail arriving as is (a filter forwarding it automatically) → inbound.
 */
export interface MailContact {
  direction: ContactDirection;
  /** The company's side: the original sender (inbound) or the first recipient (outbound). */
  companyAddress: MailAddress | null;
  original: OriginalMail;
  forwardFormat: ForwardFormat | null;
  /** What the user wrote above a forward. */
  note: string;
}

export interface UserAddresses {
  /** The user's own addresses, lower case (the account's and those they confirmed). */
  own: readonly string[];
  /** Caseward's receiving domain: its addresses are never the company. */
  receivingDomain?: string;
}

const domainOf = (address: string) => address.slice(address.lastIndexOf("@") + 1);

function companyRecipient(list: readonly MailAddress[], user: UserAddresses) {
  return (
    list.find(
      (to) =>
        !user.own.includes(to.address) &&
        (user.receivingDomain === undefined || domainOf(to.address) !== user.receivingDomain),
    ) ?? null
  );
}

export function isUsersAddress(address: string | undefined, user: UserAddresses): boolean {
  return address !== undefined && user.own.includes(address.toLowerCase());
}

export function mailContactOf(
  mail: ReadMail,
  forwarded: ForwardedMail | null,
  user: UserAddresses,
): MailContact {
  if (forwarded) {
    const { original } = forwarded;
    const ownSent = isUsersAddress(original.from?.address, user);
    return {
      direction: ownSent ? "outbound" : "inbound",
      companyAddress: ownSent ? companyRecipient(original.to, user) : original.from,
      original: { ...original, date: original.date ?? mail.date },
      forwardFormat: forwarded.format,
      note: forwarded.note,
    };
  }
  const original: OriginalMail = {
    from: mail.from,
    to: mail.to,
    date: mail.date,
    subject: mail.subject,
    text: mail.text,
    messageId: mail.messageId,
    references: mail.references,
  };
  const sentByUser = isUsersAddress(mail.from?.address, user);
  return {
    direction: sentByUser ? "outbound" : "inbound",
    companyAddress: sentByUser ? companyRecipient([...mail.to, ...mail.cc], user) : mail.from,
    original,
    forwardFormat: null,
    note: "",
  };
}
