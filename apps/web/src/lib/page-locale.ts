import { defaultLocale, isLocale } from "@caseward/core/i18n";
import type { Locale } from "@caseward/core/i18n";

/**
 * The page's language, as the root layout writes it in `<html lang>` (next-intl's locale); the
 * default outside a browser. No React here: route handlers import what uses it.
 */
export function pageLocale(): Locale {
  const lang = typeof document === "undefined" ? undefined : document.documentElement.lang;
  return isLocale(lang) ? lang : defaultLocale;
}
