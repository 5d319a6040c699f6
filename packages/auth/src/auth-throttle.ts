import { createHmac } from "node:crypto";

import type { RedisConnection } from "@caseward/core/redis";

// One fixed window per key: the first hit starts it, later hits only count. Atomic in Redis,
// so any number of web processes share one count (ASVS V2.2.1).
export const hitScript = `
local count = redis.call('INCR', KEYS[1])
if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return {count, redis.call('PTTL', KEYS[1])}
`;

export interface ThrottleLimits {
  /** Seconds a window of failed sign-ins lasts. */
  window: number;
  /** Failed sign-ins for one email address within the window before it is locked. */
  perAccount: number;
  /** Failed sign-ins from one network address (any email) within the window. */
  perAddress: number;
  /** Failed sign-ins from one device that signed in to the account before (its cookie). */
  perDevice: number;
}

export const signInLimits: ThrottleLimits = {
  window: 15 * 60,
  perAccount: 5,
  perAddress: 20,
  perDevice: 10,
};

export interface SignInAttempt {
  email: string;
  address: string;
  /**
   * The id of the device cookie the browser holds for this account (./device-cookie.ts): its
   * attempts are counted against the device, not the account, and the account's lock does
   * not hold it.
   */
  device?: string;
}

/** Keyed hash of what a Redis key must not hold in clear (an email, an address, a code). */
export const keyedHash = (secret: string, value: string) =>
  createHmac("sha256", secret).update(value).digest("hex");

export interface ThrottleKeys {
  /** Namespace of the keys (the queue prefix: one per deployment or test run). */
  prefix: string;
  /** Keys the hashes below: without it an email or address could be tried against them. */
  secret: string;
}

/**
 * Counts in Redis: the rate-limit storage better-auth consults on every auth request, and
 * the failed sign-ins per account and per address. Keys carry a keyed hash of the email and
 * of the network address, never either one itself.
 */
export function createAuthThrottle(
  redis: RedisConnection,
  { prefix, secret }: ThrottleKeys,
  limits = signInLimits,
) {
  const hashed = (value: string) => keyedHash(secret, value);
  const hit = async (key: string, windowSeconds: number) => {
    const [count, ttl] = (await redis.eval(hitScript, 1, key, windowSeconds * 1000)) as [
      number,
      number,
    ];
    return { count, retryAfter: Math.max(1, Math.ceil(ttl / 1000)) };
  };
  const accountKey = (email: string) =>
    `${prefix}:auth:failed:account:${hashed(email.trim().toLowerCase())}`;
  const addressKey = (address: string) => `${prefix}:auth:failed:address:${hashed(address)}`;
  const deviceKey = (device: string) => `${prefix}:auth:failed:device:${hashed(device)}`;

  return {
    /** better-auth's `rateLimit.customStorage`: per address and path. */
    storage: {
      async consume(key: string, rule: { window: number; max: number }) {
        try {
          const { count, retryAfter } = await hit(
            `${prefix}:auth:rate:${hashed(key)}`,
            rule.window,
          );
          return count <= rule.max
            ? { allowed: true, retryAfter: null }
            : { allowed: false, retryAfter };
        } catch (error) {
          // Without Redis every auth request would fail, reading a session too; the
          // failed-sign-in lock (below) still refuses sign-ins it cannot count.
          console.error(`auth rate limit unavailable: ${errorName(error)}`);
          return { allowed: true, retryAfter: null };
        }
      },
    },

    /**
     * Seconds until this account (or this device, for a known device) or this address may try
     * again, or null when it may now.
     */
    async lockedFor({ email, address, device }: SignInAttempt): Promise<number | null> {
      const [ownKey, ownLimit] = device
        ? [deviceKey(device), limits.perDevice]
        : [accountKey(email), limits.perAccount];
      const keys = [ownKey, addressKey(address)];
      const results = await redis
        .multi()
        .get(keys[0]!)
        .pttl(keys[0]!)
        .get(keys[1]!)
        .pttl(keys[1]!)
        .exec();
      const value = (i: number) => Number(results?.[i]?.[1] ?? 0);
      const waits = [
        value(0) >= ownLimit ? value(1) : 0,
        value(2) >= limits.perAddress ? value(3) : 0,
      ];
      const wait = Math.max(...waits);
      return wait > 0 ? Math.ceil(wait / 1000) : null;
    },

    async recordFailure({ email, address, device }: SignInAttempt) {
      await Promise.all([
        hit(device ? deviceKey(device) : accountKey(email), limits.window),
        hit(addressKey(address), limits.window),
      ]);
    },

    /** A right password clears the account's count and the device's (not the address's). */
    async recordSuccess(email: string, device?: string) {
      await redis.del(accountKey(email), ...(device ? [deviceKey(device)] : []));
    },
  };
}
const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);

export type AuthThrottle = ReturnType<typeof createAuthThrottle>;

/**
 * better-auth's own rate limiter answers 429 with `X-Retry-After`; clients and proxies read
 * the standard `Retry-After` (RFC 9110 §10.2.3), added here.
 */
export function withRetryAfter(response: Response) {
  const wait = response.headers.get("x-retry-after");
  if (response.status !== 429 || !wait || response.headers.has("retry-after")) return response;
  const headers = new Headers(response.headers);
  headers.set("retry-after", wait);
  return new Response(response.body, { status: 429, statusText: response.statusText, headers });
}
