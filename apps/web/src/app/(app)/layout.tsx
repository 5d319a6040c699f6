import { countHeldNotifications, countInbox } from "@caseward/core";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { env } from "~/env";
import { ClientMessages } from "~/i18n/client-messages";
import { ClockProvider } from "~/lib/time";
import { packClock } from "~/lib/clock-wire";
import { UserCountryProvider } from "~/lib/user-country";
import { requireSession } from "~/server/auth";
import { requestClock, requestSettings } from "~/server/clock";
import { db } from "~/server/db";
import { AccountNotice } from "./account-notice";
import { AppFrame } from "./app-frame";
import { frameNamespaces } from "./frame-namespaces";
import { SessionKeepAlive } from "./session-keep-alive";
import { VerifyEmailBanner } from "./verify-email-banner";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await requireSession();
  const unverified = !session.user.emailVerified;
  const [held, clock, settings, inboxCount, tNav, tShell] = await Promise.all([
    unverified ? countHeldNotifications(db, session.user.id) : 0,
    requestClock(session.user.id),
    requestSettings(session.user.id),
    countInbox(db, session.user.id),
    getTranslations("Nav"),
    getTranslations("Shell"),
  ]);
  // The sentences with a number or a name are written here, not in the browser: formatting one
  // while hydrating loads ICU's locale data on the phone (~130 ms at 4× slower).
  return (
    // The frame's words only, and no tRPC client: each segment adds what its pages use
    // (`client-segment.tsx`), the dashboard its own.
    <ClientMessages namespaces={frameNamespaces}>
      <ClockProvider {...packClock(clock)}>
        <UserCountryProvider country={settings.country}>
          <AppFrame
            user={{ name: session.user.name, email: session.user.email }}
            inboxCount={inboxCount}
            inboxCountLabel={tNav("inboxCount", { count: inboxCount })}
            devMailbox={!env.SMTP_URL}
          >
            <SessionKeepAlive />
            {unverified && (
              <VerifyEmailBanner
                email={session.user.email}
                text={tShell("verifyText", { email: session.user.email, held })}
              />
            )}
            <Suspense>
              <AccountNotice />
            </Suspense>
            {children}
          </AppFrame>
        </UserCountryProvider>
      </ClockProvider>
    </ClientMessages>
  );
}
