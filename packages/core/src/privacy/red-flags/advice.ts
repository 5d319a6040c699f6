import type { RedFlagKind } from "@caseward/db/vocabulary";
import { redFlagKinds } from "@caseward/db/vocabulary";

import type { Locale } from "../../i18n/locale";
import redFlagsEn from "../../i18n/messages/en/RedFlags.json" with { type: "json" };
import redFlagsFr from "../../i18n/messages/fr-CA/RedFlags.json" with { type: "json" };
import type { RedFlagMeaning } from "./rules";

/** What to do about each red flag now, and what to do when it is too late to avoid it (English). */
export const redFlagAdvice = Object.fromEntries(
  Object.entries(redFlagsEn).map(([kind, { advice }]) => [kind, advice]),
) as Record<RedFlagKind, string>;

export interface RedFlagDetails extends RedFlagMeaning {
  /** What to do now. */
  advice: string;
}

const catalogues: Record<Locale, Record<RedFlagKind, RedFlagDetails>> = {
  en: redFlagsEn,
  "fr-CA": redFlagsFr,
};

/**
 * Red flags as the session, the timeline and the email show them, in `locale`: title, meaning
 * and advice (the `RedFlags` catalogue; a page can also `useTranslations("RedFlags")`).
 */
export const redFlagDetailsIn = (locale: Locale): Record<RedFlagKind, RedFlagDetails> =>
  Object.fromEntries(redFlagKinds.map((kind) => [kind, { ...catalogues[locale][kind] }])) as Record<
    RedFlagKind,
    RedFlagDetails
  >;

/** A red flag as the session, the timeline and the email show it, in English. */
export const redFlagDetails = redFlagDetailsIn("en");
