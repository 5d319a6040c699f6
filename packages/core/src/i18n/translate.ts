import { createTranslator } from "use-intl/core";

import en from "./messages/en";
import frCA from "./messages/fr-CA";
import type { Locale } from "./locale";

/** The core catalogue's shape (English is the reference; French has the same keys). */
export type CoreMessages = typeof en;
export type CoreNamespace = keyof CoreMessages;

/** Core's messages in each language: the web merges them into its own, the worker reads them here. */
export const coreMessages: Record<Locale, CoreMessages> = { en, "fr-CA": frCA };

/**
 * A translator for texts made outside a page (emails, the PDF, the ICS feed, labels): ICU
 * messages with plurals, in the user's language. `translator("fr-CA", "Vocabulary")("caseStatus.open")`.
 */
export function translator<N extends CoreNamespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: coreMessages[locale], namespace });
}
