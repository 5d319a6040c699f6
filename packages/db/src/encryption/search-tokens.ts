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

/**
 * The `search` tsvector (text form) of a document whose lexemes are given: one token per
 * distinct lexeme under the ring's current key, without positions (word order is not kept).
 */
export function tokenVector(lexemes: readonly string[], ring: KeyRing = keyRing()): string {
  const tokens = new Set(lexemes.map((lexeme) => lexemeToken(lexeme, ring.current)));
  return [...tokens].map((token) => `'${token}'`).join(" ");
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
