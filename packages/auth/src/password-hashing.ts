import { hash, verify } from "@node-rs/argon2";
import { verifyPassword as verifyScrypt } from "better-auth/crypto";

// OWASP Password Storage Cheat Sheet, Argon2id with m = 19 MiB, t = 2, p = 1
// (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id).
export const argon2Options = {
  // Algorithm.Argon2id: a const enum, which isolated modules cannot read.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`); the salt is random per call. */
export function hashPassword(password: string) {
  return hash(password.normalize("NFKC"), argon2Options);
}

/**
 * Argon2id hashes, and the `salt:key` scrypt hashes better-auth wrote by default before we
 * switched, so that existing accounts keep signing in. A malformed hash is a mismatch.
 */
export async function verifyPassword({
  hash: stored,
  password,
}: {
  hash: string;
  password: string;
}) {
  try {
    if (stored.startsWith("$argon2")) return await verify(stored, password.normalize("NFKC"));
    if (/^[0-9a-f]{32}:[0-9a-f]{128}$/.test(stored)) {
      return await verifyScrypt({ hash: stored, password });
    }
  } catch {
    // A hash that cannot be parsed matches no password.
  }
  return false;
}

/** Whether a stored hash was made by the old scheme (it is replaced at the next sign-in). */
export const isLegacyPasswordHash = (stored: string) => !stored.startsWith("$argon2");
