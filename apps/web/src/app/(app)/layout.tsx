import { countHeldNotifications } from "@caseward/core";

import { env } from "~/env";
import { requireSession } from "~/server/auth";
import { db } from "~/server/db";
import { AppFrame } from "./app-frame";
import { SessionKeepAlive } from "./session-keep-alive";
import { VerifyEmailBanner } from "./verify-email-banner";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await requireSession();
  const unverified = !session.user.emailVerified;
  const held = unverified ? await countHeldNotifications(db, session.user.id) : 0;
  return (
    <AppFrame
      user={{ name: session.user.name, email: session.user.email }}
      devMailbox={!env.SMTP_URL}
    >
      <SessionKeepAlive />
      {unverified && <VerifyEmailBanner email={session.user.email} held={held} />}
      {children}
    </AppFrame>
  );
}
