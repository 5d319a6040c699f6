import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

import type { BetterAuthOptions } from "better-auth";
import type { RedisConnection } from "@caseward/core/redis";

import type { ThrottleKeys } from "./auth-throttle";
import { keyedHash } from "./auth-throttle";

type SecondaryStorage = NonNullable<BetterAuthOptions["secondaryStorage"]>;

/**
 * Sealing of what better-auth keeps in Redis: a session's copy holds the user's name and email
 * and its key the session token, and Redis is no place for either (issue 6, item 9). Values are
 * AES-256-GCM under a key derived from the auth secret; keys are keyed hashes of their names.
 * Rotating the auth secret ends every session anyway, so this key needs no ring of its own.
 */
export function sessionSeal(secret: string) {
  // Derived at first use: `next build` loads this module without a secret.
  let derived: Buffer | undefined;
  const keyOf = () =>
    (derived ??= Buffer.from(hkdfSync("sha256", secret, "", "caseward redis session store", 32)));
  return {
    seal: (value: string) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", keyOf(), iv);
      const sealed = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
    },
    /** The value, or null when it was not sealed with this secret (read as "not cached"). */
    open: (stored: string): string | null => {
      try {
        const data = Buffer.from(stored, "base64url");
        const decipher = createDecipheriv("aes-256-gcm", keyOf(), data.subarray(0, 12));
        decipher.setAuthTag(data.subarray(12, 28));
        return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString(
          "utf8",
        );
      } catch {
        return null;
      }
    },
  };
}

/**
 * better-auth's `secondaryStorage` in Redis, for sessions only: reading the session of every
 * request from Redis costs a GET where the database adapter built and ran a joined query.
 * Sessions are still written to Postgres too (`storeSessionInDatabase`), so they outlive a
 * Redis wipe (read from the database when Redis has none) and can be listed and revoked;
 * revoking one deletes its Redis copy at once, so it ends immediately (ASVS V3.3).
 * Verification values stay in the database (`verification.storeInDatabase`).
 *
 * A Redis that cannot be reached reads as "not cached": the session is read from Postgres.
 * Writes are not swallowed, except the copy made at sign-in (the database row is enough).
 */
export function createSessionStorage(
  redis: RedisConnection,
  { prefix, secret }: ThrottleKeys,
): SecondaryStorage {
  const key = (name: string) => `${prefix}:auth:store:${keyedHash(secret, name)}`;
  const { seal, open } = sessionSeal(secret);
  const unavailable = (error: unknown) => {
    console.error(`session storage unavailable: ${(error as Error).name}`);
    return null;
  };
  return {
    get: async (name) => {
      const stored = await redis.get(key(name)).catch(unavailable);
      return stored === null ? null : open(stored);
    },
    getAndDelete: async (name) => {
      const stored = await redis.getdel(key(name));
      return stored === null ? null : open(stored);
    },
    // A counter holds no personal data, and INCR needs the number in clear.
    increment: async (name, ttl) => {
      const [[, count]] = (await redis.multi().incr(key(name)).expire(key(name), ttl).exec()) as [
        [unknown, number],
      ];
      return count;
    },
    set: async (name, value, ttl) => {
      const sealed = seal(value);
      await (ttl ? redis.set(key(name), sealed, "EX", ttl) : redis.set(key(name), sealed)).catch(
        unavailable,
      );
    },
    delete: async (name) => {
      await redis.del(key(name));
    },
  };
}
