import "server-only";

import { nextCookies } from "better-auth/next-js";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { env } from "~/env";
import { createAuth } from "./auth-config";
import { db } from "./db";
import { jobs } from "./jobs";
import { redis } from "./redis";

export const auth = createAuth({
  db,
  redis,
  baseURL: env.BASE_URL,
  secret: env.BETTER_AUTH_SECRET,
  throttle: env.AUTH_RATE_LIMIT === "on",
  redisPrefix: env.QUEUE_PREFIX,
  plugins: [nextCookies()],
  // The welcome email is sent by the worker; the job carries the id only.
  onUserCreated: async (userId) => {
    try {
      await jobs.enqueue("welcome-email", { userId }, { jobId: `welcome-${userId}` });
    } catch (error) {
      console.error("welcome email not queued", { userId, error: String(error) });
    }
  },
});

/** The signed-in user of this request, once per render. */
export const getSession = cache(async () => auth.api.getSession({ headers: await headers() }));

/**
 * The signed-in user, or a redirect to sign-in. Pages call it before prefetching, so a request
 * without a session never starts a query that can only fail.
 */
export async function requireSession() {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  return session;
}
