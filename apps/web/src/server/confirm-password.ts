import "server-only";

import { createAuthThrottle, deviceOfRequest } from "@caseward/auth";
import { addressOf } from "@caseward/core";
import { eq } from "@caseward/db";
import { users } from "@caseward/db/schema";
import { isAPIError } from "better-auth/api";

import { env } from "~/env";
import { auth } from "./auth";
import { db } from "./db";
import { apiWords, refuse } from "./http";
import { redis } from "./redis";

// The password asked again before a sensitive change (ASVS V3.7.1). Checked on the server,
// where better-auth's own rate limit does not run: wrong ones are counted with the failed
// sign-ins of the account and the address, so a stolen session cannot guess it (V2.2.1).
const throttle =
  env.AUTH_RATE_LIMIT === "on"
    ? createAuthThrottle(redis, { prefix: env.QUEUE_PREFIX, secret: env.BETTER_AUTH_SECRET })
    : undefined;

/** Null when `password` is the signed-in user's; else the answer to send (400 or 429). */
export async function confirmPassword(req: Request, email: string, password: string) {
  // A known device (it signed in before) is not held by the account's lock, only its own.
  const attempt = {
    email,
    address: addressOf(req.headers) ?? "unknown",
    device: deviceOfRequest(env.BETTER_AUTH_SECRET, email, req.headers),
  };
  const wait = await throttle?.lockedFor(attempt);
  if (wait) {
    const t = await apiWords();
    const minutes = Math.ceil(wait / 60);
    return Response.json(
      { error: t("tooManyPasswords", { minutes }) },
      { status: 429, headers: { "retry-after": String(wait), "cache-control": "no-store" } },
    );
  }
  const right = await auth.api.verifyPassword({ body: { password }, headers: req.headers }).then(
    () => true,
    () => false,
  );
  if (right) return null;
  await throttle?.recordFailure(attempt);
  return refuse(400, "wrongPassword");
}

/**
 * Null when the user has no second factor, or `code` is a right authenticator code for them;
 * else the answer to send (400, `field: "code"`). Checked by better-auth's own endpoint, so
 * the wrong-code counts and the single use of a code (@caseward/auth two-factor) apply.
 */
export async function confirmTwoFactorCode(req: Request, userId: string, code?: string) {
  const [user] = await db
    .select({ twoFactorEnabled: users.twoFactorEnabled })
    .from(users)
    .where(eq(users.id, userId));
  if (!user?.twoFactorEnabled) return null;
  const t = await apiWords();
  const refuse = (status: number, error: string) =>
    Response.json({ error, field: "code" }, { status, headers: { "cache-control": "no-store" } });
  if (!code || !/^\d{6}$/.test(code.trim())) {
    return refuse(400, t("codeMissing"));
  }
  try {
    await auth.api.verifyTOTP({ body: { code: code.trim() }, headers: req.headers });
    return null;
  } catch (error) {
    // Our own refusals are sentences (too many wrong codes, a code used already).
    const ours =
      isAPIError(error) &&
      ["TOO_MANY_WRONG_CODES", "CODE_ALREADY_USED"].includes(
        String((error.body as { code?: unknown } | undefined)?.code),
      );
    if (ours) return refuse(error.statusCode, error.message);
    if (isAPIError(error) && error.statusCode < 500) {
      return refuse(400, t("codeWrong"));
    }
    throw error;
  }
}
