import "server-only";

import {
  createAccountEmails,
  createAuth,
  createSessionCache,
  createSessionReader,
  sessionStoreOf,
} from "@caseward/auth";
import { getSettings, releaseHeldNotifications, rememberLanguage } from "@caseward/core";
import { createMailer } from "@caseward/core/mail";
import { nextCookies } from "better-auth/next-js";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { env } from "~/env";
import { visitorLocale } from "~/i18n/visitor-locale";
import { requestPathHeader, safeNextPath, signInComingBackTo } from "~/lib/next-path";
import { db } from "./db";
import { jobs } from "./jobs";
import { mailboxDir } from "./paths";
import { redis } from "./redis";

export const accountEmails = createAccountEmails({
  mailer: createMailer({
    from: env.MAIL_FROM,
    smtpUrl: env.SMTP_URL,
    // Resolved at send time: `next build` loads this module without an environment.
    get mailboxDir() {
      return mailboxDir();
    },
  }),
  appUrl: env.BASE_URL,
  redis,
  redisPrefix: env.QUEUE_PREFIX,
  localeOf: async (userId) => (await getSettings(db, userId)).locale,
});

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
      // The account speaks the language its sign-up page spoke, from its first email on.
      await rememberLanguage(db, userId, await visitorLocale());
    } catch (error) {
      console.error("sign-up language not kept", { userId, error: String(error) });
    }
    try {
      await jobs.enqueue("welcome-email", { userId }, { jobId: `welcome-${userId}` });
    } catch (error) {
      console.error("welcome email not queued", { userId, error: String(error) });
    }
  },
  accountEmails,
  // Emails held while the address was unconfirmed go now. Their first job has run (it held
  // them), so the new one needs its own id; the reconciler would find them too.
  onEmailVerified: async (userId) => {
    const released = await releaseHeldNotifications(db, userId);
    await Promise.all(
      released.map((notification) =>
        jobs.enqueue(
          "send-notification",
          { notificationId: notification.id },
          {
            jobId: `notification-${notification.id}-released`,
            delay: Math.max(0, notification.sendAfter.getTime() - Date.now()),
          },
        ),
      ),
    ).catch((error: unknown) => console.error("released emails not queued", String(error)));
  },
});

const sessionStore = sessionStoreOf({
  redis,
  redisPrefix: env.QUEUE_PREFIX,
  secret: env.BETTER_AUTH_SECRET,
});

/**
 * Ends sessions whose rows a core service deleted: their Redis copies go too, or they would
 * keep answering until they expire.
 */
export const endSessions = (tokens: string[]) =>
  Promise.all(
    tokens.map(async (token) => {
      await sessionStore.delete(token);
    }),
  );

type Session = NonNullable<Awaited<ReturnType<typeof auth.api.getSession>>>;

const globalForSessions = globalThis as unknown as {
  cwSessionCache?: ReturnType<typeof createSessionCache<Session>>;
};

/**
 * Sessions read in the last minute, in this process (@caseward/auth's session cache): ended on
 * every process by a Redis message from whichever one ends them. It subscribes on first use,
 * not when `next build` loads this module.
 */
const sessionCache = (globalForSessions.cwSessionCache ??= createSessionCache<Session>(redis, {
  prefix: env.QUEUE_PREFIX,
}));

/** The signed-in session of a request's headers, or null (@caseward/auth's session reader). */
export const readSession = createSessionReader(
  auth.$context,
  sessionStore,
  (headers) => auth.api.getSession({ headers }),
  sessionCache,
);

/** The signed-in user of this request, once per render. */
export const getSession = cache(async () => readSession(await headers()));

/**
 * The signed-in user, or a redirect to sign-in, which comes back to the page asked for (a
 * link from an email opened signed out). Pages call it before prefetching, so a request
 * without a session never starts a query that can only fail.
 */
export async function requireSession() {
  const session = await getSession();
  if (!session) {
    const asked = safeNextPath((await headers()).get(requestPathHeader));
    redirect(asked && asked !== "/" ? signInComingBackTo(asked) : "/sign-in");
  }
  return session;
}
