import type { ScheduleTimers } from "@caseward/core";
import { addChannel, createCompany, logContact, openCase, updateSettings } from "@caseward/core";
import { createTestUser } from "@caseward/core/testing";
import type { Database } from "@caseward/db";

/**
 * A user with no quiet hours (unless given) and no reminders, a company with a verified email
 * and a verified phone, and one case whose email went out three weeks ago: its response window
 * is already due. Without `schedule`, the timer row exists but has no job yet.
 */
export async function caseWaitingOnCompany(
  db: Database,
  options: { schedule?: ScheduleTimers; quiet?: [string, string]; emailVerified?: boolean } = {},
) {
  const user = await createTestUser(db, "Maya Chen", { emailVerified: options.emailVerified });
  const [quietStart, quietEnd] = options.quiet ?? ["00:00", "00:00"];
  await updateSettings(db, user.id, {
    timeZone: "America/Toronto",
    country: "CA",
    subdivision: "ON",
    quietHoursStart: quietStart,
    quietHoursEnd: quietEnd,
    emailEscalations: true,
    emailReminders: false,
  });
  const company = await createCompany(db, user.id, {
    name: "Rogers",
    website: "rogers.com",
    country: "CA",
  });
  const email = await addChannel(db, user.id, {
    companyId: company.id,
    kind: "email",
    value: "help@rogers.com",
    provenance: "statement",
    verified: true,
  });
  await addChannel(db, user.id, {
    companyId: company.id,
    kind: "phone",
    value: "1 888 764 3771",
    provenance: "card_back",
    verified: true,
  });
  const opened = await openCase(db, user.id, {
    companyId: company.id,
    title: "Internet outage since Monday",
  });
  await logContact(
    db,
    user.id,
    {
      caseId: opened.id,
      channelId: email.id,
      channelKind: "email",
      startedAt: new Date(Date.now() - 21 * 86400_000),
    },
    options.schedule,
  );
  return { user, caseId: opened.id };
}
