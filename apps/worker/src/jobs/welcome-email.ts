import { getSettings } from "@caseward/core";
import type { JobPayload } from "@caseward/core/jobs";
import { welcomeEmail } from "@caseward/core/mail";
import { eq } from "@caseward/db";
import { users } from "@caseward/db/schema";

import type { JobContext } from "../context";

export async function sendWelcomeEmail(ctx: JobContext, payload: JobPayload<"welcome-email">) {
  const user = await ctx.db.query.users.findFirst({ where: eq(users.id, payload.userId) });
  // The account was deleted before the job ran: nothing to send.
  if (!user) return { skipped: "user gone" };
  // In the language the account was created in (kept in its settings at sign-up).
  const { locale } = await getSettings(ctx.db, user.id);
  const email = await welcomeEmail({
    to: user.email,
    name: user.name,
    appUrl: ctx.baseUrl,
    settingsUrl: `${ctx.baseUrl}/settings`,
    locale,
  });
  const sent = await ctx.mailer.send({
    ...email,
    messageId: `<welcome-${user.id}@caseward.local>`,
    userId: user.id,
  });
  return { messageId: sent.messageId };
}
