import { randomInt } from "node:crypto";

import { APIError, getSessionFromCtx, isAPIError } from "better-auth/api";
import { twoFactor } from "better-auth/plugins/two-factor";
import type { RedisConnection } from "@caseward/core/redis";

import type { AuthHookContext } from "./auth-hook-context";
import { addressOf } from "./auth-hook-context";
import type { ThrottleKeys } from "./auth-throttle";
import { hitScript, keyedHash } from "./auth-throttle";

// No look-alike characters (0/o, 1/l): 32 symbols, 5 bits each.
const codeAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

/**
 * One backup code: 24 random symbols (120 bits, ASVS V2.6.2 asks 112 when the code is not
 * hashed; the plugin stores it encrypted, not hashed) in four groups of six.
 */
export function newBackupCode() {
  const symbols = Array.from({ length: 24 }, () => codeAlphabet[randomInt(32)]).join("");
  return symbols.match(/.{6}/g)!.join("-");
}

/**
 * better-auth's TOTP second factor (RFC 6238: 6 digits, 30 s) with 10 single-use backup codes.
 * The secret and the codes are stored encrypted with the auth secret: the plugin checks a code
 * by comparing it with the decrypted list, so hashed codes are not an option it offers.
 */
export const twoFactorPlugin = () =>
  twoFactor({
    issuer: "Caseward",
    backupCodeOptions: {
      amount: 10,
      storeBackupCodes: "encrypted",
      customBackupCodesGenerate: () => Array.from({ length: 10 }, newBackupCode),
    },
    // The plugin's own lock after 10 wrong codes in a row (in the database); the Redis
    // counts below refuse sooner and also per network address.
    accountLockout: { enabled: true, maxFailedAttempts: 10, durationSeconds: 15 * 60 },
  });

/** The endpoints that check a second-factor code. */
export const twoFactorCodePaths = new Set([
  "/two-factor/verify-totp",
  "/two-factor/verify-backup-code",
]);

export const twoFactorLimits = { window: 15 * 60, perAccount: 5, perAddress: 20 };

/**
 * The account a code is being checked for: the pending sign-in's (the signed `two_factor`
 * cookie names a verification row holding the user id) or the signed-in user's.
 */
export async function twoFactorUserOf(
  ctx: AuthHookContext,
): Promise<{ userId: string; signingIn: boolean } | undefined> {
  const cookie = ctx.context.createAuthCookie("two_factor");
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (identifier) {
    const pending = await ctx.context.internalAdapter.findVerificationValue(identifier);
    if (pending) return { userId: pending.value, signingIn: true };
  }
  const session = await getSessionFromCtx(ctx).catch(() => null);
  return session ? { userId: session.user.id, signingIn: false } : undefined;
}

/**
 * Wrong second-factor codes counted in Redis per account and per address (ASVS V2.2.1,
 * V2.8.5): past the limit every code is refused with 429 and Retry-After until the window ends.
 */
export function createTwoFactorThrottle(
  redis: RedisConnection,
  { prefix, secret }: ThrottleKeys,
  limits = twoFactorLimits,
) {
  const accountKey = (userId: string) =>
    `${prefix}:auth:2fa-failed:account:${keyedHash(secret, userId)}`;
  const addressKey = (address: string) =>
    `${prefix}:auth:2fa-failed:address:${keyedHash(secret, address)}`;
  // An authenticator code is accepted for 90 s (its 30 s step and one on either side).
  const usedCodeKey = (userId: string, code: string) =>
    `${prefix}:auth:2fa-used:${keyedHash(secret, `${userId}:${code}`)}`;
  const codeOf = (ctx: AuthHookContext) => {
    const code = (ctx.body as { code?: unknown } | undefined)?.code;
    return ctx.path === "/two-factor/verify-totp" && typeof code === "string" ? code : undefined;
  };

  async function lockedFor(userId: string | undefined, address: string) {
    const keys = [...(userId ? [accountKey(userId)] : []), addressKey(address)];
    const limitsOf = [...(userId ? [limits.perAccount] : []), limits.perAddress];
    let wait = 0;
    for (const [i, key] of keys.entries()) {
      const [count, ttl] = await Promise.all([redis.get(key), redis.pttl(key)]);
      if (Number(count ?? 0) >= limitsOf[i]!) wait = Math.max(wait, ttl);
    }
    return wait > 0 ? Math.ceil(wait / 1000) : null;
  }

  return {
    /** hooks.before: refuses the code check while the account or the address is locked. */
    async before(ctx: AuthHookContext) {
      if (!twoFactorCodePaths.has(ctx.path)) return;
      const userId = (await twoFactorUserOf(ctx))?.userId;
      const wait = await lockedFor(userId, addressOf(ctx)).catch((error: unknown) => {
        // A code that cannot be counted is not checked: the lock must not fail open.
        console.error(`two-factor lock unavailable: ${String((error as Error).name)}`);
        throw new APIError(
          "SERVICE_UNAVAILABLE",
          {
            code: "SIGN_IN_UNAVAILABLE",
            message: "Signing in is unavailable for a moment. Please try again shortly.",
          },
          { "retry-after": "30" },
        );
      });
      if (wait === null) {
        // Each authenticator code works once (ASVS V2.8.4): claimed here atomically, given
        // back in `after` when it was not accepted.
        const code = codeOf(ctx);
        if (!userId || !code) return;
        const claimed = await redis.set(usedCodeKey(userId, code), "1", "EX", 90, "NX");
        if (claimed === null) {
          throw new APIError("UNAUTHORIZED", {
            code: "CODE_ALREADY_USED",
            message: "That code was used already. Wait for the next one in your app.",
          });
        }
        return;
      }
      throw new APIError(
        "TOO_MANY_REQUESTS",
        {
          code: "TOO_MANY_WRONG_CODES",
          message: `Too many wrong codes. Try again in ${Math.ceil(wait / 60)} minutes.`,
        },
        { "retry-after": String(wait) },
      );
    },

    /** hooks.after: counts a wrong code, clears the account's count on a right one. */
    async after(ctx: AuthHookContext) {
      if (!twoFactorCodePaths.has(ctx.path)) return;
      const returned = ctx.context.returned;
      if (isAPIError(returned)) {
        const userId = (await twoFactorUserOf(ctx))?.userId;
        const code = codeOf(ctx);
        if (userId && code) await redis.del(usedCodeKey(userId, code));
        if (returned.statusCode !== 401) return;
        const keys = [...(userId ? [accountKey(userId)] : []), addressKey(addressOf(ctx))];
        await Promise.all(keys.map((key) => redis.eval(hitScript, 1, key, limits.window * 1000)));
        return;
      }
      const userId = (returned as { user?: { id?: string } } | undefined)?.user?.id;
      if (userId) await redis.del(accountKey(userId));
    },
  };
}
