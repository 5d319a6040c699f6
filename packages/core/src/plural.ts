const englishPlurals = new Intl.PluralRules("en");

/**
 * A count with its noun in the right number, for every count the product shows:
 * `countOf(1, "question")` → "1 question", `countOf(3, "company", "companies")` → "3 companies".
 */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count.toLocaleString("en")} ${englishPlurals.select(count) === "one" ? one : other}`;
}
