import { createHmac } from "node:crypto";

import type { KeyRing, RingKey } from "./key-ring";
import { keyRing } from "./key-ring";

/**
 * Blind index: an encrypted column is searched through keyed tokens of its words' lexemes
 * (HMAC-SHA256, 12 bytes, base64url), never through the words. The database learns which
 * rows share a word, not the word.
 */
export function lexemeToken(lexeme: string, key: RingKey): string {
  return createHmac("sha256", key.tokenKey)
    .update(lexeme, "utf8")
    .digest()
    .subarray(0, 12)
    .toString("base64url");
}

/** How many occurrences of a word the index keeps: enough to rank, little to tell. */
export const mostOccurrences = 8;

/**
 * The `search` tsvector (text form) of a document whose lexemes are given, once per
 * occurrence: one token per distinct lexeme under the ring's current key. Word order is not
 * kept; how often a word occurs is (up to `mostOccurrences`, as positions 1, 2…), so that a
 * case about a fee ranks above one that mentions a fee once.
 */
export function tokenVector(lexemes: readonly string[], ring: KeyRing = keyRing()): string {
  const counts = new Map<string, number>();
  for (const lexeme of lexemes) {
    const token = lexemeToken(lexeme, ring.current);
    counts.set(token, Math.min(mostOccurrences, (counts.get(token) ?? 0) + 1));
  }
  return [...counts]
    .map(([token, n]) => `'${token}':${Array.from({ length: n }, (_, i) => i + 1).join(",")}`)
    .join(" ");
}

// A quoted lexeme of a tsquery's text form ('' is a quote inside it, \ escapes a character).
const quotedLexeme = /'((?:[^'\\]|''|\\.)*)'/g;
// Phrase operators: tokens carry no positions, so "a b" in quotes means both words.
const phraseOperator = /<(?:-|\d+)>/g;

/**
 * Rewrites a tsquery (the text of `websearch_to_tsquery('english', q)`) into the same query
 * over tokens. Each lexeme matches its token under any key of the ring, so rows not yet
 * re-indexed by a key rotation are still found.
 */
export function tokenQuery(tsquery: string, ring: KeyRing = keyRing()): string {
  const keys = [ring.current, ...[...ring.byId.values()].filter((k) => k !== ring.current)];
  let out = "";
  let last = 0;
  for (const match of tsquery.matchAll(quotedLexeme)) {
    out += tsquery.slice(last, match.index).replace(phraseOperator, "&");
    const lexeme = match[1]!.replaceAll("''", "'").replace(/\\(.)/g, "$1");
    const tokens = keys.map((key) => `'${lexemeToken(lexeme, key)}'`);
    out += tokens.length === 1 ? tokens[0] : `(${tokens.join(" | ")})`;
    last = match.index + match[0].length;
  }
  return out + tsquery.slice(last).replace(phraseOperator, "&");
}
