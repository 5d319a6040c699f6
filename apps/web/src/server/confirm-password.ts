import "server-only";

import { createAuthThrottle } from "@caseward/auth";
import { addressOf } from "@caseward/core";

import { env } from "~/env";
import { auth } from "./auth";
import { failure } from "./http";
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
  const attempt = { email, address: addressOf(req.headers) ?? "unknown" };
  const wait = await throttle?.lockedFor(attempt);
  if (wait) {
    const minutes = Math.ceil(wait / 60);
    return Response.json(
      { error: `Too many wrong passwords. Try again in ${minutes} minutes.` },
      { status: 429, headers: { "retry-after": String(wait), "cache-control": "no-store" } },
    );
  }
  const right = await auth.api.verifyPassword({ body: { password }, headers: req.headers }).then(
    () => true,
    () => false,
  );
  if (right) return null;
  await throttle?.recordFailure(attempt);
  return failure(400, "That password is not right.");
}
