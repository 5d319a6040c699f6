import { createSecretKey, hkdfSync } from "node:crypto";
import type { KeyObject } from "node:crypto";

import { encryptionKeysFromEnv } from "../env";

/** One key of the ring: its id (stored beside every value it encrypts) and its derived keys. */
export interface RingKey {
  id: string;
  /** AES-256-GCM key for column values. */
  fieldKey: KeyObject;
  /** HMAC-SHA256 key for the search tokens (blind index). */
  tokenKey: KeyObject;
  /**
   * HMAC-SHA256 key of lookup hashes: an inbound address's token and an inbound message's
   * Message-ID are found by their hash, never stored in the clear.
   */
  lookupKey: KeyObject;
  /** Input of the per-file key derivation (each file gets its own key from a random salt). */
  fileSecret: Buffer;
}

/** The keys in force: the first encrypts, all of them decrypt. */
export interface KeyRing {
  current: RingKey;
  byId: ReadonlyMap<string, RingKey>;
}

export const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

/** What is wrong with an `ENCRYPTION_KEYS` value, said so that an operator can fix it. */
export class KeyRingError extends Error {
  override name = "KeyRingError";
}

// One master key never serves two purposes: each use gets its own key through HKDF (RFC 5869).
const derive = (master: Buffer, label: string) =>
  Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `caseward ${label} v1`, 32));

export function ringKey(id: string, master: Buffer): RingKey {
  return {
    id,
    fieldKey: createSecretKey(derive(master, "fields")),
    tokenKey: createSecretKey(derive(master, "search tokens")),
    lookupKey: createSecretKey(derive(master, "lookup hashes")),
    fileSecret: derive(master, "files"),
  };
}

/**
 * Parses `ENCRYPTION_KEYS`: `id:base64key,id:base64key…`, each key 32 random bytes, the newest
 * first. Throws a `KeyRingError` naming what is wrong, never echoing a key.
 */
export function parseKeyRing(text: string): KeyRing {
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) {
    throw new KeyRingError(
      "ENCRYPTION_KEYS is empty: give at least one key as id:base64 (32 random bytes).",
    );
  }
  const keys = entries.map((entry, index) => {
    const colon = entry.indexOf(":");
    const id = colon < 0 ? "" : entry.slice(0, colon);
    if (!keyIdPattern.test(id)) {
      throw new KeyRingError(
        `ENCRYPTION_KEYS entry ${index + 1} needs an id of letters, digits, - or _ before a colon (id:base64key).`,
      );
    }
    const encoded = entry.slice(colon + 1);
    const master = Buffer.from(encoded, "base64");
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded) || master.length !== 32) {
      throw new KeyRingError(
        `ENCRYPTION_KEYS key "${id}" must be 32 bytes in base64 (openssl rand -base64 32).`,
      );
    }
    return ringKey(id, master);
  });
  const byId = new Map<string, RingKey>();
  for (const key of keys) {
    if (byId.has(key.id)) throw new KeyRingError(`ENCRYPTION_KEYS lists key "${key.id}" twice.`);
    byId.set(key.id, key);
  }
  return { current: keys[0]!, byId };
}

/** The ring text of a new key, ready to put first in `ENCRYPTION_KEYS`. */
export function newKeyEntry(id: string, randomKey: Buffer) {
  if (!keyIdPattern.test(id)) throw new KeyRingError(`"${id}" is not a valid key id.`);
  return `${id}:${randomKey.toString("base64")}`;
}

let registered: KeyRing | undefined;

/** Sets the process's key ring (the app does it at start; tests may swap rings). */
export function useKeyRing(ring: KeyRing | undefined) {
  registered = ring;
}

/**
 * The process's key ring: the one registered, else the one in `ENCRYPTION_KEYS` (web, worker,
 * command-line tools and tests all get it from there).
 */
export function keyRing(): KeyRing {
  if (registered) return registered;
  const text = encryptionKeysFromEnv();
  if (!text) {
    throw new KeyRingError(
      "No encryption key ring: set ENCRYPTION_KEYS (pnpm start keeps one in .data/encryption-keys).",
    );
  }
  registered = parseKeyRing(text);
  return registered;
}
