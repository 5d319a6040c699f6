import { clientAddressHeader } from "@caseward/core/client-address";
import { refuseUnstorableInput } from "@caseward/core/input-safety";
import { passwordProblem } from "@caseward/core/passwords";
import type { Database } from "@caseward/db";
import { accounts, sessions, twoFactors, users, verifications } from "@caseward/db/schema";
import type { BetterAuthPlugin } from "better-auth";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import type { RedisConnection } from "@caseward/core/redis";

import { accountFlowOptions, afterAccountFlow, beforeAccountFlow } from "./account-flows";
import type { AccountEmails } from "./auth-emails";
import { createAuthAudit } from "./auth-audit";
import type { AuthHookContext } from "./auth-hook-context";
import { addressOf } from "./auth-hook-context";
import { deviceCookieName, deviceCookieSeconds, deviceOf, newDeviceCookie } from "./device-cookie";
import { createAuthThrottle, keyedHash } from "./auth-throttle";
import { disabledAuthPaths } from "./token-free";
import { createTwoFactorThrottle, twoFactorCodePaths, twoFactorPlugin } from "./two-factor";
import { hashPassword, isLegacyPasswordHash, verifyPassword } from "./password-hashing";
import { loopbackOrigins } from "./loopback-origins";
import { createSessionStorage } from "./session-storage";

export interface AuthSettings {
  db: Database;
  redis: RedisConnection;
  /** Undefined only while `next build` loads the module without an environment. */
  baseURL: string | undefined;
  secret: string;
  /** Rate limits and the failed-sign-in lock; off only for the e2e server. */
  throttle: boolean;
  /** Namespace of the Redis keys (the queue prefix: one per deployment or test run). */
  redisPrefix: string;
  plugins?: BetterAuthPlugin[];
  onUserCreated?: (userId: string) => Promise<void>;
  /** Sends the account's emails (confirmation, reset, address change); none without it. */
  accountEmails?: AccountEmails;
  /** A user's address is confirmed (or they changed a confirmed one): held emails may go. */
  onEmailVerified?: (userId: string) => Promise<void>;
}

// Endpoints that set a new password, and the body field that carries it.
const newPasswordField: Record<string, string> = {
  "/sign-up/email": "password",
  "/reset-password": "newPassword",
  "/change-password": "newPassword",
};

const cookieNames = ["session_token", "session_data", "dont_remember", "account_data"] as const;

export function createAuth(settings: AuthSettings) {
  const https = settings.baseURL?.startsWith("https://") ?? false;
  const throttle = settings.throttle
    ? createAuthThrottle(settings.redis, {
        prefix: settings.redisPrefix,
        secret: settings.secret,
      })
    : undefined;
  const twoFactorThrottle = settings.throttle
    ? createTwoFactorThrottle(settings.redis, {
        prefix: settings.redisPrefix,
        secret: settings.secret,
      })
    : undefined;
  const recordAuthEvents = createAuthAudit(settings.db);

  // Device cookies (./device-cookie.ts): `__Host-` over https, like the session's.
  const deviceCookie = https ? `__Host-${deviceCookieName}` : deviceCookieName;
  const knownDevice = (ctx: AuthHookContext, email: string) =>
    deviceOf(settings.secret, email, ctx.getCookie(deviceCookie));
  // Without the lock (the e2e server) there is nothing to be exempt from: no cookie either.
  const rememberDevice = (ctx: AuthHookContext, email: string) => {
    if (!throttle) return;
    ctx.setCookie(deviceCookie, newDeviceCookie(settings.secret, email), {
      httpOnly: true,
      secure: https,
      sameSite: "lax",
      path: "/",
      maxAge: deviceCookieSeconds,
    });
  };
  /** A sign-in finished with its second factor: the browser becomes a known device then. */
  const rememberDeviceAfterSecondFactor = (ctx: AuthHookContext) => {
    if (!twoFactorCodePaths.has(ctx.path) || isAPIError(ctx.context.returned)) return;
    const signingIn = ctx.getCookie(ctx.context.createAuthCookie("two_factor").name);
    const email = (ctx.context.returned as { user?: { email?: unknown } } | undefined)?.user?.email;
    if (signingIn && typeof email === "string") rememberDevice(ctx, email);
  };
  const flows = accountFlowOptions(settings.accountEmails, settings.onEmailVerified);

  return betterAuth({
    baseURL: settings.baseURL,
    trustedOrigins: loopbackOrigins(settings.baseURL),
    secret: settings.secret,
    database: drizzleAdapter(settings.db, {
      provider: "pg",
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        twoFactor: twoFactors,
      },
    }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      // The rule itself (characters, not UTF-16 units; common passwords) is passwordProblem,
      // checked before these; they only bound what better-auth accepts.
      minPasswordLength: 12,
      maxPasswordLength: 4 * 128,
      password: { hash: hashPassword, verify: verifyPassword },
      ...flows.emailAndPassword,
    },
    emailVerification: flows.emailVerification,
    user: flows.user,
    rateLimit: {
      enabled: settings.throttle,
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 60 * 60, max: 10 },
        "/request-password-reset": { window: 15 * 60, max: 5 },
        "/reset-password": { window: 15 * 60, max: 10 },
        "/change-password": { window: 15 * 60, max: 10 },
        "/send-verification-email": { window: 15 * 60, max: 3 },
      },
      ...(throttle && { customStorage: throttle.storage }),
    },
    // Idle timeout and absolute lifetime: session-lifetime.ts. Read from Redis on every
    // request, kept in Postgres too (./session-storage.ts).
    session: { ...flows.session, storeSessionInDatabase: true },
    secondaryStorage: sessionStoreOf(settings),
    // Reset links, pending second steps and trusted devices are looked up by a keyed hash of
    // their token: a copy of the table holds no usable link (issue 18, finding 8).
    verification: {
      storeInDatabase: true,
      storeIdentifier: {
        hash: (identifier: string) => Promise.resolve(keyedHash(settings.secret, identifier)),
      },
    },
    disabledPaths: disabledAuthPaths,
    advanced: {
      // Over https every cookie is `__Host-` (Secure, Path=/, no Domain: this host only),
      // which better-auth's own `__Secure-` prefix does not give (ASVS V3.4.1 to V3.4.5).
      useSecureCookies: false,
      // The address the web proxy worked out from the socket and TRUSTED_PROXIES, never an
      // X-Forwarded-For a client wrote (issue 18, finding 6).
      ipAddress: { ipAddressHeaders: [clientAddressHeader, "x-forwarded-for"] },
      defaultCookieAttributes: { secure: https, httpOnly: true, sameSite: "lax", path: "/" },
      ...(https && {
        cookies: Object.fromEntries(
          cookieNames.map((name) => [name, { name: `__Host-better-auth.${name}` }]),
        ),
      }),
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // A name or address with a NUL byte could only fail in the database (issue 18).
        try {
          refuseUnstorableInput(ctx.body);
        } catch (error) {
          throw new APIError("BAD_REQUEST", { message: (error as Error).message });
        }
        await twoFactorThrottle?.before(ctx);
        const field = newPasswordField[ctx.path];
        const body = ctx.body as Record<string, unknown> | undefined;
        const password = field ? body?.[field] : undefined;
        if (typeof password === "string") {
          const problem = passwordProblem(password);
          if (problem) throw new APIError("BAD_REQUEST", problem);
        }
        const flow = await beforeAccountFlow(ctx, settings.accountEmails);
        if (flow) return flow;
        if (ctx.path === "/sign-in/email" && throttle && typeof body?.email === "string") {
          const wait = await throttle
            .lockedFor({
              email: body.email,
              address: addressOf(ctx),
              device: knownDevice(ctx, body.email),
            })
            .catch((error: unknown) => {
              // A sign-in that cannot be counted is not tried: the lock must not fail open.
              console.error(`sign-in lock unavailable: ${String((error as Error).name)}`);
              throw new APIError(
                "SERVICE_UNAVAILABLE",
                {
                  code: "SIGN_IN_UNAVAILABLE",
                  message: "Signing in is unavailable for a moment. Please try again shortly.",
                },
                { "retry-after": "30" },
              );
            });
          if (wait !== null) {
            throw new APIError(
              "TOO_MANY_REQUESTS",
              {
                code: "TOO_MANY_FAILED_SIGN_INS",
                message: `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minutes.`,
              },
              { "retry-after": String(wait) },
            );
          }
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        await twoFactorThrottle?.after(ctx);
        rememberDeviceAfterSecondFactor(ctx);
        await recordAuthEvents(ctx);
        const answer = await afterAccountFlow(ctx, settings.accountEmails);
        if (answer) return ctx.json(answer);
        if (ctx.path !== "/sign-in/email") return;
        const body = ctx.body as { email?: unknown; password?: unknown } | undefined;
        if (typeof body?.email !== "string" || typeof body.password !== "string") return;
        const returned = ctx.context.returned;
        const device = knownDevice(ctx, body.email);
        if (isAPIError(returned)) {
          if (returned.statusCode === 401 && throttle) {
            await throttle.recordFailure({ email: body.email, address: addressOf(ctx), device });
          }
          return;
        }
        await throttle?.recordSuccess(body.email, device);
        // Signed in (not waiting for a second factor): this browser is now a known device.
        if ((returned as { token?: unknown } | undefined)?.token) rememberDevice(ctx, body.email);
        // Accounts made before Argon2id get it now that the password is known to be right.
        const userId = (returned as { user?: { id?: string } } | undefined)?.user?.id;
        if (!userId) return;
        const credential = (await ctx.context.internalAdapter.findAccounts(userId)).find(
          (account) => account.providerId === "credential",
        );
        if (credential?.password && isLegacyPasswordHash(credential.password)) {
          await ctx.context.internalAdapter.updatePassword(
            userId,
            await hashPassword(body.password),
          );
        }
      }),
    },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await settings.onUserCreated?.(user.id);
          },
        },
        update: flows.databaseHooks.user.update,
      },
      session: flows.databaseHooks.session,
    },
    plugins: [twoFactorPlugin(), ...(settings.plugins ?? [])],
  });
}
export type Auth = ReturnType<typeof createAuth>;

/** Where the auth of these settings keeps its sessions' Redis copies (./session-storage.ts). */
export const sessionStoreOf = (settings: Pick<AuthSettings, "redis" | "redisPrefix" | "secret">) =>
  createSessionStorage(settings.redis, { prefix: settings.redisPrefix, secret: settings.secret });
