import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

import type { KeyRing } from "./key-ring";
import { keyRing } from "./key-ring";

/** The format version in front of every encrypted value: `cw1:<keyId>:<iv>:<ciphertext+tag>`. */
export const encryptedPrefix = "cw1:";

const ivBytes = 12;
const tagBytes = 16;

/** A stored value could not be decrypted: another key, a damaged value, or the wrong column. */
export class DecryptionError extends Error {
  override name = "DecryptionError";
}

export const isEncryptedValue = (value: string) => value.startsWith(encryptedPrefix);

/** The id of the key a stored value was encrypted with; null for a value stored before encryption. */
export function keyIdOf(value: string): string | null {
  if (!isEncryptedValue(value)) return null;
  const end = value.indexOf(":", encryptedPrefix.length);
  return end < 0 ? null : value.slice(encryptedPrefix.length, end);
}

/**
 * AES-256-GCM under the ring's current key, a fresh 12-byte IV each time. `context` (the
 * table and column) is authenticated too, so a value moved to another column fails to decrypt.
 */
export function encryptField(plain: string, context: string, ring: KeyRing = keyRing()): string {
  const key = ring.current;
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv("aes-256-gcm", key.fieldKey, iv, { authTagLength: tagBytes });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${encryptedPrefix}${key.id}:${iv.toString("base64url")}:${sealed.toString("base64url")}`;
}

/**
 * The plaintext of a stored value. A value without the `cw1:` prefix was stored before
 * encryption existed and is returned as it is (`pnpm keys:rotate` encrypts those).
 */
export function decryptField(stored: string, context: string, ring: KeyRing = keyRing()): string {
  if (!isEncryptedValue(stored)) return stored;
  const [, keyId, ivText, sealedText, extra] = stored.split(":");
  if (
    keyId === undefined ||
    ivText === undefined ||
    sealedText === undefined ||
    extra !== undefined
  ) {
    throw new DecryptionError(`A stored value of ${context} is not in the cw1 format.`);
  }
  const key = ring.byId.get(keyId);
  if (!key) {
    throw new DecryptionError(
      `A stored value of ${context} was encrypted with key "${keyId}", which is not in ENCRYPTION_KEYS.`,
    );
  }
  const iv = Buffer.from(ivText, "base64url");
  const sealed = Buffer.from(sealedText, "base64url");
  if (iv.length !== ivBytes || sealed.length < tagBytes) {
    throw new DecryptionError(`A stored value of ${context} is truncated.`);
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.fieldKey, iv, {
      authTagLength: tagBytes,
    });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
    const plain = Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - tagBytes)),
      decipher.final(),
    ]);
    return plain.toString("utf8");
  } catch {
    throw new DecryptionError(
      `A stored value of ${context} failed its integrity check (altered, or from another column).`,
    );
  }
}
