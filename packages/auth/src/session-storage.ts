import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

import type { BetterAuthOptions } from "better-auth";
import type { RedisConnection } from "@caseward/core/redis";
import { isCluster } from "@caseward/core/redis";

import type { ThrottleKeys } from "./auth-throttle";
import { keyedHash } from "./auth-throttle";
import { sessionEndedChannel, sessionEndedHere } from "./session-ended";

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

/** better-auth's `secondaryStorage`, and several values read in one round trip (or null each). */
export type SessionStorage = SecondaryStorage & {
  getMany: (names: readonly string[]) => Promise<(string | null)[]>;
  /** The keyed hash a name's Redis key ends with (what the session cache is keyed by). */
  hashOf: (name: string) => string;
};

const rememberedEntries = 2_000;

/** A map of at most `most` entries: the oldest goes first. */
function remembered<Value>(most: number) {
  const map = new Map<string, Value>();
  return {
    get: (name: string) => map.get(name),
    set: (name: string, value: Value) => {
      if (map.size >= most) map.delete(map.keys().next().value!);
      map.set(name, value);
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
): SessionStorage {
  // Every request reads the same few keys (its session, its user's revocation mark): their
  // names' keyed hashes and the opened copies are remembered, exactly (a key's hash has one
  // name, a sealed value one plain text), in this process's memory only.
  const hashes = remembered<string>(rememberedEntries);
  const hashOf = (name: string) => {
    let hashed = hashes.get(name);
    if (hashed === undefined) hashes.set(name, (hashed = keyedHash(secret, name)));
    return hashed;
  };
  const key = (name: string) => `${prefix}:auth:store:${hashOf(name)}`;
  const channel = sessionEndedChannel(prefix);
  // A session's copy or its user's revocation mark written or deleted: the session caches of
  // every process drop what they hold of it (./session-cache.ts), this process's first. The
  // list of a user's sessions is no cache's key: it tells no one.
  const announced = (name: string) => !name.startsWith("active-sessions-");
  const announce = (name: string) => {
    const hash = hashOf(name);
    sessionEndedHere(redis, hash);
    return hash;
  };
  const { seal, open: openSealed } = sessionSeal(secret);
  const opened = remembered<string | null>(rememberedEntries);
  const open = (stored: string) => {
    let value = opened.get(stored);
    if (value === undefined) opened.set(stored, (value = openSealed(stored)));
    return value;
  };
  const unavailable = (error: unknown) => {
    console.error(`session storage unavailable: ${(error as Error).name}`);
    return null;
  };
  return {
    get: async (name) => {
      const stored = await redis.get(key(name)).catch(unavailable);
      return stored === null ? null : open(stored);
    },
    getMany: async (names) => {
      const named = names.map(key);
      // One MGET on one server; a cluster keeps these keys in different slots, so one GET each,
      // sent together.
      const stored = await (
        isCluster(redis) ? Promise.all(named.map((k) => redis.get(k))) : redis.mget(named)
      ).catch(unavailable);
      return names.map((_, i) => {
        const value = stored?.[i];
        return typeof value === "string" ? open(value) : null;
      });
    },
    getAndDelete: async (name) => {
      if (!announced(name)) {
        const stored = await redis.getdel(key(name));
        return stored === null ? null : open(stored);
      }
      const hash = announce(name);
      const [[error, stored]] = (await redis
        .multi()
        .getdel(key(name))
        .publish(channel, hash)
        .exec()) as [[Error | null, string | null], unknown];
      if (error) throw error;
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
      if (!announced(name)) {
        await (ttl ? redis.set(key(name), sealed, "EX", ttl) : redis.set(key(name), sealed)).catch(
          unavailable,
        );
        return;
      }
      // The write and its message in one transaction: neither goes without the other.
      const hash = announce(name);
      const written = redis.multi();
      if (ttl) written.set(key(name), sealed, "EX", ttl);
      else written.set(key(name), sealed);
      await written.publish(channel, hash).exec().catch(unavailable);
    },
    delete: async (name) => {
      if (!announced(name)) {
        await redis.del(key(name));
        return;
      }
      const hash = announce(name);
      const [[error]] = (await redis.multi().del(key(name)).publish(channel, hash).exec()) as [
        [Error | null, unknown],
      ];
      if (error) throw error;
    },
    hashOf,
  };
}
