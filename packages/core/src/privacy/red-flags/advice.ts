import type { RedFlagKind } from "@caseward/db/vocabulary";
import { redFlagKinds } from "@caseward/db/vocabulary";

import type { RedFlagMeaning } from "./rules";
import { redFlagMeanings } from "./rules";

/** What to do about each red flag now, and what to do when it is too late to avoid it. */
export const redFlagAdvice: Record<RedFlagKind, string> = {
  asked_password:
    "Do not give it. If you already did, change it now from the official website or app (and anywhere else you use it), then turn on two-step verification.",
  asked_one_time_code:
    "Never share a one-time code with anyone, even someone who says they are from the company. Hang up. If you already shared it, call the company on a verified number and ask them to lock your account.",
  asked_full_card_number:
    "Give only the last 4 digits. The one exception is a payment you chose to make on a number you verified, and never the code on the back to prove who you are. If you gave it away, call the number on the back of your card and ask for a new card.",
  asked_remote_access:
    "Do not install the app or let them connect. If they already did, disconnect from the internet, uninstall the app, change your banking and email passwords from another device, and have the device checked.",
  asked_gift_card_crypto_wire:
    "Do not pay. Hang up and check with the company on a verified channel whether you owe anything. If you already paid, call the card issuer, your bank or the transfer service at once and report the fraud.",
  pressure_to_act_now:
    "Slow down. Say you will call back, hang up, and call the company on a number you verified yourself. Talk to someone you trust before you pay or share anything.",
  inbound_unverified:
    "Give no personal information on a contact you did not start. Hang up and call back on a channel you verified (the back of your card, a statement, the official website).",
};

export interface RedFlagDetails extends RedFlagMeaning {
  /** What to do now. */
  advice: string;
}

/** A red flag as the session, the timeline and the email show it: its title, meaning and advice. */
export const redFlagDetails = Object.fromEntries(
  redFlagKinds.map((kind) => [kind, { ...redFlagMeanings[kind], advice: redFlagAdvice[kind] }]),
) as Record<RedFlagKind, RedFlagDetails>;
