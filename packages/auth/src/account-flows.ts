import { randomInt } from "node:crypto";
import { performance } from "node:perf_hooks";

import type { BetterAuthOptions } from "better-auth";
import { APIError } from "better-auth/api";

import type { AccountEmails } from "./auth-emails";
import { resetLinkSeconds, verificationLinkSeconds } from "./auth-emails";
import { capAtAbsoluteLifetime, sessionOptions } from "./session-lifetime";

/** The part of a better-auth endpoint context the account-flow hooks read. */
interface HookContext {
  path: string;
  body?: unknown;
  request?: Request;
  headers?: Headers;
  json: (body: Record<string, unknown>) => unknown;
  context: {
    internalAdapter: {
      findUserByEmail: (
        email: string,
      ) => Promise<{ user: { id: string; name: string; email: string } } | null>;
    };
    password: { hash: (password: string) => Promise<string> };
  };
}

/**
 * better-auth options of the account flows: email confirmation, password reset, address
 * change, session lifetime. Spread into the config by createAuth.
 */
export function accountFlowOptions(
  emails: AccountEmails | undefined,
  onEmailVerified?: (userId: string) => Promise<void>,
) {
  const emailAndPassword: Partial<NonNullable<BetterAuthOptions["emailAndPassword"]>> = {
    // A reset signs out every device: whoever had the old password is out (ASVS V3.3.3).
    revokeSessionsOnPasswordReset: true,
    resetPasswordTokenExpiresIn: resetLinkSeconds,
    ...(emails && {
      sendResetPassword: (data) => Promise.resolve(emails.resetPassword(data)),
      onPasswordReset: ({ user }) => Promise.resolve(emails.passwordChanged(user, "reset")),
    }),
  };
  const options = {
    emailVerification: {
      // Sign-up still signs in; the address is confirmed afterwards (the banner asks).
      sendOnSignUp: true,
      expiresIn: verificationLinkSeconds,
      ...(emails && {
        sendVerificationEmail: (data) => Promise.resolve(emails.verification(data)),
      }),
    },
    user: { changeEmail: { enabled: true } },
    session: sessionOptions,
    databaseHooks: {
      user: {
        update: {
          // Following the link mailed to a new address proves it, whatever the old one was.
          before: (data, ctx) =>
            Promise.resolve(
              ctx?.path === "/verify-email" && typeof data.email === "string"
                ? { data: { ...data, emailVerified: true } }
                : undefined,
            ),
          after: async (user) => {
            if (user.emailVerified) await onEmailVerified?.(user.id);
          },
        },
      },
      session: {
        update: { before: (data, ctx) => Promise.resolve(capAtAbsoluteLifetime(data, ctx)) },
      },
    },
  } satisfies Partial<BetterAuthOptions>;
  return { ...options, emailAndPassword };
}

/**
 * The `before` hook of the account flows. Returns a response to send instead of the
 * endpoint's, or undefined to go on.
 */
export async function beforeAccountFlow(ctx: HookContext, emails: AccountEmails | undefined) {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  // An address change needs the password again: only /api/account/email (which checks it)
  // calls the endpoint, from the server; from a browser it is refused (ASVS V3.7.1).
  if (ctx.path === "/change-email" && ctx.request) {
    throw new APIError("FORBIDDEN", {
      code: "USE_SETTINGS",
      message: "Change your email address from Settings.",
    });
  }
  // A password change always signs out the other devices (ASVS V3.3.3).
  if (ctx.path === "/change-password") {
    return { context: { body: { ...body, revokeOtherSessions: true } } };
  }
  if (ctx.path === "/sign-up/email") {
    const started = performance.now();
    const key = ctx.request ?? ctx.headers;
    if (key) signUpStarts.set(key, started);
    const answer = await answerTakenAddress(ctx, body, emails);
    if (answer) await untilFloor(started);
    return answer;
  }
  return undefined;
}

/**
 * Every sign-up answers after the same floor. A new account costs a transaction of several
 * writes that a taken address does not (measured: about 170 ms against 75 ms, on the test
 * machine), so without it the time would tell which addresses have an account. better-auth
 * does the same for its verification-email endpoint (a 500 ms floor).
 */
export const signUpFloorMs = 500;
const signUpStarts = new WeakMap<object, number>();
const untilFloor = async (started: number) => {
  const wait = started + signUpFloorMs - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
};

/**
 * Sign-up with an address that has an account answers like a sign-up that worked (200, the same
 * body) after the same password hashing, without a session, and tells the owner by email. The
 * only difference left is the session cookie, which "sign-up signs in" cannot avoid; see
 * docs/security.md (account enumeration).
 */
async function answerTakenAddress(
  ctx: HookContext,
  body: Record<string, unknown>,
  emails: AccountEmails | undefined,
) {
  const { email, password, name } = body;
  if (typeof email !== "string" || typeof password !== "string") return undefined;
  const found = await ctx.context.internalAdapter.findUserByEmail(email.toLowerCase());
  if (!found) return undefined;
  await ctx.context.password.hash(password);
  emails?.signUpAttempt(found.user);
  const now = new Date();
  // The same fields as a new account's answer, whatever plugins add to users (a plugin's
  // flag reads as a new account's: false), none of them the owner's.
  const fresh = Object.fromEntries(
    Object.entries(found.user).map(([field, value]) => [
      field,
      typeof value === "boolean" ? false : null,
    ]),
  );
  return ctx.json({
    token: null,
    user: {
      ...fresh,
      id: userIdLike(),
      name: typeof name === "string" ? name : "",
      email: email.toLowerCase(),
      emailVerified: false,
      image: null,
      createdAt: now,
      updatedAt: now,
    },
  });
}

/**
 * `hooks.after`: a sign-up answers after the floor, and without the token when it worked, as
 * a taken address does (the session is in the cookie).
 */
export async function afterAccountFlow(
  ctx: {
    path: string;
    request?: Request;
    headers?: Headers;
    context: { returned?: unknown };
  },
  emails: AccountEmails | undefined,
) {
  if (ctx.path === "/change-password") {
    const changed = ctx.context.returned as { user?: { id: string; name: string; email: string } };
    if (changed && typeof changed === "object" && changed.user) {
      emails?.passwordChanged(changed.user, "changed");
    }
    return undefined;
  }
  if (ctx.path !== "/sign-up/email") return undefined;
  const key = ctx.request ?? ctx.headers;
  const started = key && signUpStarts.get(key);
  if (started) await untilFloor(started);
  const returned = ctx.context.returned as { token?: unknown; user?: unknown } | undefined;
  if (!returned || typeof returned !== "object" || !("user" in returned)) return undefined;
  return { ...returned, token: null };
}

const idAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** An id shaped as better-auth makes them (32 letters and digits), belonging to no one. */
const userIdLike = () =>
  Array.from({ length: 32 }, () => idAlphabet[randomInt(idAlphabet.length)]).join("");
