import type { Executor } from "@caseward/db";
import type { KeyRing } from "@caseward/db/encryption";
import { keyRing } from "@caseward/db/encryption";

import { currentLookupHash } from "../encryption/lookup-hash";
import type { ResolvedRecipient } from "./addresses";
import { resolveRecipient } from "./addresses";

// The receiver checks every RCPT; a mail provider delivers many messages to the same address
// in a row. Addresses found are remembered for a short while, by the keyed hash of their local
// part (the token itself is not kept). A remembered address revoked since, or of a user deleted
// since, is still refused: the message is stored only while its address is active (store.ts),
// else the receiver answers 550 after DATA. Unknown addresses are never remembered: a new one
// works at once.

export interface RecipientCacheOptions {
  /** How long an address found is trusted without asking PostgreSQL again. */
  ttlMs?: number;
  /** Addresses remembered at most (the oldest go first). */
  maxEntries?: number;
  now?: () => number;
  ring?: KeyRing;
}

/**
 * `resolveRecipient`, remembering addresses found for `ttlMs`; `.remembered(localPart)` is the
 * remembered one, without a promise (undefined when it must be asked).
 */
export function cachedRecipientResolver(db: Executor, options: RecipientCacheOptions = {}) {
  const { ttlMs = 60_000, maxEntries = 10_000, now = Date.now } = options;
  const ring = options.ring ?? keyRing();
  const found = new Map<string, { recipient: ResolvedRecipient; until: number }>();
  const keyOf = (localPart: string) => currentLookupHash(localPart.trim().toLowerCase(), ring);
  const rememberedAs = (key: string) => {
    const known = found.get(key);
    if (known && known.until > now()) return known.recipient;
    found.delete(key);
    return undefined;
  };
  const resolve = async (localPart: string): Promise<ResolvedRecipient | null> => {
    const key = keyOf(localPart);
    const known = rememberedAs(key);
    if (known) return known;
    const recipient = await resolveRecipient(db, localPart, ring);
    if (recipient) {
      if (found.size >= maxEntries) found.delete(found.keys().next().value!);
      found.set(key, { recipient, until: now() + ttlMs });
    }
    return recipient;
  };
  return Object.assign(resolve, {
    remembered: (localPart: string) => rememberedAs(keyOf(localPart)),
  });
}
