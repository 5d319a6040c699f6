import "server-only";

import { accounts, sessions, users, verifications } from "@caseward/db/schema";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { env } from "~/env";
import { db } from "./db";
import { jobs } from "./jobs";

export const auth = betterAuth({
  baseURL: env.BASE_URL,
  secret: env.BETTER_AUTH_SECRET,
  database: drizzleAdapter(db, {
    provider: "pg",
    schema: { user: users, session: sessions, account: accounts, verification: verifications },
  }),
  emailAndPassword: {
    enabled: true,
    autoSignIn: true,
    minPasswordLength: 12,
    maxPasswordLength: 128,
  },
  rateLimit: { enabled: env.AUTH_RATE_LIMIT === "on" },
  session: {
    expiresIn: 60 * 60 * 24 * 7,
    updateAge: 60 * 60 * 24,
  },
  databaseHooks: {
    user: {
      create: {
        // The welcome email is sent by the worker; the job carries the id only.
        after: async (user) => {
          try {
            await jobs.enqueue(
              "welcome-email",
              { userId: user.id },
              { jobId: `welcome-${user.id}` },
            );
          } catch (error) {
            console.error("welcome email not queued", { userId: user.id, error: String(error) });
          }
        },
      },
    },
  },
  plugins: [nextCookies()],
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
