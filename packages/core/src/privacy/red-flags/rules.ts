import type { ChannelStatus, ContactDirection, RedFlagKind } from "@caseward/db/vocabulary";
import { redFlagKinds } from "@caseward/db/vocabulary";

import redFlagsEn from "../../i18n/messages/en/RedFlags.json" with { type: "json" };

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

/** What each red flag means, in English (./advice.ts has them in every language). */
export const redFlagMeanings = Object.fromEntries(
  Object.entries(redFlagsEn).map(([kind, { title, meaning }]) => [kind, { title, meaning }]),
) as Record<RedFlagKind, RedFlagMeaning>;

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
