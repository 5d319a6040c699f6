import type { ChannelStatus, ContactDirection, RedFlagKind } from "@caseward/db/vocabulary";
import { redFlagKinds } from "@caseward/db/vocabulary";

/**
 * Red flags (PRODUCT.md glossary): warning signs during a contact. The kinds, what each one
 * means, and the inbound rule read from the contact itself. Finding them in what was said is
 * ./scanner.ts; what to do about each is ./advice.ts.
 */

export { redFlagKinds };
export type { RedFlagKind };

export interface RedFlagMeaning {
  title: string;
  /** What the sign means, in one or two sentences. */
  meaning: string;
}

export const redFlagMeanings: Record<RedFlagKind, RedFlagMeaning> = {
  asked_password: {
    title: "Asked for your password",
    meaning:
      "No genuine company needs your password: its staff can reach your account without it. Whoever asks for it wants to get into your account.",
  },
  asked_one_time_code: {
    title: "Asked for a one-time code",
    meaning:
      "A code sent to your phone or email proves that you are the one acting. Reading it out lets someone else log in, reset your password or approve a payment as you.",
  },
  asked_full_card_number: {
    title: "Asked for your full card number or the code on the back",
    meaning:
      "To find your account a company needs the last 4 digits at most. The full number, the expiry date and the code on the back are what it takes to spend with your card.",
  },
  asked_remote_access: {
    title: "Asked to connect to your computer or phone",
    meaning:
      "Remote-access apps (AnyDesk, TeamViewer, Quick Assist…) let the other person see and do everything you can, your online banking included.",
  },
  asked_gift_card_crypto_wire: {
    title: "Asked to pay with gift cards, crypto or a wire transfer",
    meaning:
      "Genuine companies and government agencies do not take payment in gift cards or cryptocurrency, and never ask you to move money to a 'safe account'. Such payments are almost impossible to get back.",
  },
  pressure_to_act_now: {
    title: "Pressured to act right now",
    meaning:
      "Threats (account closed today, arrest) and requests to keep it secret are there to stop you from thinking and checking. Genuine companies give you time.",
  },
  inbound_unverified: {
    title: "Contacted you from an unverified number or address",
    meaning:
      "Caller ID, sender names and email addresses are easy to fake, so a call or message saying it comes from the company proves nothing.",
  },
};

/**
 * PRODUCT.md's inbound red flag, from the contact itself: the company reached the user on a
 * channel that is not verified (or on no known channel at all).
 */
export function isInboundUnverified(contact: {
  direction: ContactDirection;
  channelStatus: ChannelStatus | null;
}): boolean {
  return contact.direction === "inbound" && contact.channelStatus !== "verified";
}
