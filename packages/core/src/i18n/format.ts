import type { Locale } from "./locale";

/**
 * Numbers and money for a person, in their language (issue 20): "1,234.5" / "1 234,5",
 * "$12.50" / "12,50 $". Intl writes French with narrow no-break spaces; they stay, so a figure
 * never breaks across two lines.
 */
export const formatNumber = (value: number, locale: Locale, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(locale, options).format(value);

/**
 * An amount of money in `currency` (ISO 4217, CAD by default): "$12.50", "12,50 $". English is
 * written the Canadian way, so a dollar is "$" and an American one "US$".
 */
export const formatMoney = (amount: number, locale: Locale, currency = "CAD") =>
  new Intl.NumberFormat(locale === "en" ? "en-CA" : locale, { style: "currency", currency }).format(
    amount,
  );
