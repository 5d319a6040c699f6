import type { BetterAuthOptions } from "better-auth";
import type { Redis } from "ioredis";

type SecondaryStorage = NonNullable<BetterAuthOptions["secondaryStorage"]>;

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
export function createSessionStorage(redis: Redis, prefix: string): SecondaryStorage {
  const key = (name: string) => `${prefix}:auth:store:${name}`;
  const unavailable = (error: unknown) => {
    console.error(`session storage unavailable: ${(error as Error).name}`);
    return null;
  };
  return {
    get: (name) => redis.get(key(name)).catch(unavailable),
    getAndDelete: (name) => redis.getdel(key(name)),
    increment: async (name, ttl) => {
      const [[, count]] = (await redis.multi().incr(key(name)).expire(key(name), ttl).exec()) as [
        [unknown, number],
      ];
      return count;
    },
    set: async (name, value, ttl) => {
      await (ttl ? redis.set(key(name), value, "EX", ttl) : redis.set(key(name), value)).catch(
        unavailable,
      );
    },
    delete: async (name) => {
      await redis.del(key(name));
    },
  };
}
