import { createHash } from "node:crypto";

import type { KeyRing } from "@caseward/db/encryption";
import { keyRing } from "@caseward/db/encryption";

import { currentLookupHash, lookupHashes } from "../encryption/lookup-hash";

// An attachment row keeps a hash of its file's content to check the file when it moves (disk
// to database). A plain SHA-256 would let anyone with a copy of the database tell whether a
// known file (a leaked letter, a public form) is among a user's files; the stored value is a
// keyed hash instead, `<ring key id>.<HMAC-SHA256>` of the content's SHA-256 (lookup-hash.ts),
// so that a row stored before keyed hashes (its hex SHA-256) is converted without reading the
// file, and the check still needs nothing but the bytes and the ring.

const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A plain SHA-256 in hex, as rows stored before keyed hashes hold it. */
export const isPlainSha256 = (stored: string) => /^[0-9a-f]{64}$/.test(stored);

/** The keyed hash of a file's content to store, under the ring's current key. */
export const contentHash = (bytes: Uint8Array, ring: KeyRing = keyRing()) =>
  currentLookupHash(sha256Hex(bytes), ring);

/** The keyed hash of a plain SHA-256 (hex) stored before keyed hashes. */
export const contentHashOfSha256 = (hex: string, ring: KeyRing = keyRing()) =>
  currentLookupHash(hex, ring);

/** Whether `bytes` are the content `stored` was made from, under any key of the ring. */
export function contentMatches(bytes: Uint8Array, stored: string, ring: KeyRing = keyRing()) {
  const hex = sha256Hex(bytes);
  return isPlainSha256(stored) ? hex === stored : lookupHashes(hex, ring).includes(stored);
}
