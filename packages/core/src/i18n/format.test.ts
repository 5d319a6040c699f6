import { describe, expect, it } from "vitest";

import { formatMoney, formatNumber } from "./format";

// French separates thousands and the currency sign with a narrow no-break space (U+202F) or a
// no-break space (U+00A0), depending on the ICU version: read both as a space to compare.
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("numbers and money in each language", () => {
  it.each([
    [1234.5, "en", "1,234.5"],
    [1234.5, "fr-CA", "1 234,5"],
    [200000, "fr-CA", "200 000"],
    [0.5, "fr-CA", "0,5"],
  ] as const)("%d in %s reads %s", (value, locale, shown) => {
    expect(spaces(formatNumber(value, locale))).toBe(shown);
  });

  it.each([
    [12.5, "en", "CAD", "$12.50"],
    [12.5, "fr-CA", "CAD", "12,50 $"],
    [1234.5, "fr-CA", "CAD", "1 234,50 $"],
    [12.5, "fr-CA", "USD", "12,50 $ US"],
    [12.5, "en", "USD", "US$12.50"],
  ] as const)("%d %s in %s reads %s", (amount, locale, currency, shown) => {
    expect(spaces(formatMoney(amount, locale, currency))).toBe(shown);
  });
});
