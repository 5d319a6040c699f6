import { createHmac } from "node:crypto";

import type { KeyRing, RingKey } from "@caseward/db/encryption";
import { keyRing } from "@caseward/db/encryption";

// Values looked up by equality but never stored in the clear — an inbound address's token, an
// inbound message's Message-ID — are stored as a keyed hash: `<ring key id>.<HMAC-SHA256,
// base64url>` under the ring key's lookup key. A copy of the database without the key ring
// does not give them back, and cannot be searched for a guessed value. The key id in front
// tells rotation which hashes are stale; a lookup tries every key of the ring.

/** The keyed hash of `value` under one ring key. */
export function lookupHash(value: string | Uint8Array, key: RingKey): string {
  const mac = createHmac("sha256", key.lookupKey).update(value).digest("base64url");
  return `${key.id}.${mac}`;
}

/** The hash to store: under the ring's current key. */
export const currentLookupHash = (value: string | Uint8Array, ring: KeyRing = keyRing()) =>
  lookupHash(value, ring.current);

/** Every hash `value` may be stored under: one per key of the ring, the current one first. */
export function lookupHashes(value: string | Uint8Array, ring: KeyRing = keyRing()): string[] {
  const keys = [ring.current, ...[...ring.byId.values()].filter((k) => k !== ring.current)];
  return keys.map((key) => lookupHash(value, key));
}

/** Whether a stored hash was made under the ring's current key. */
export const isCurrentLookupHash = (hash: string, ring: KeyRing = keyRing()) =>
  hash.startsWith(`${ring.current.id}.`);
