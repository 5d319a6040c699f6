import type { Executor } from "@caseward/db";
import { and, asc, eq } from "@caseward/db";
import { cases, companies, contacts, redFlags, users, userSettings } from "@caseward/db/schema";

import type { OutgoingEmail } from "../mail";
import { redFlagEmail } from "../mail";
import { redFlagDetailsIn } from "../privacy/red-flags";
import { aboutTheCase } from "./case-emails";
import type { Notification } from "./claim";

/** The advice email of a contact's red flags, or null when the case, contact or flags are gone. */
export async function composeRedFlagEmail(
  db: Executor,
  notification: Notification,
  baseUrl: string,
): Promise<OutgoingEmail | null> {
  if (!notification.caseId || !notification.contactId) return null;
  const [[row], [flagged], flags] = await Promise.all([
    db
      .select({
        email: users.email,
        userName: users.name,
        caseTitle: cases.title,
        companyName: companies.name,
        settings: userSettings,
      })
      .from(cases)
      .innerJoin(users, eq(users.id, cases.ownerId))
      .innerJoin(companies, eq(companies.id, cases.companyId))
      .leftJoin(userSettings, eq(userSettings.userId, cases.ownerId))
      .where(and(eq(cases.id, notification.caseId), eq(cases.ownerId, notification.ownerId))),
    db
      .select({ startedAt: contacts.startedAt })
      .from(contacts)
      .where(eq(contacts.id, notification.contactId)),
    db
      .select({ kind: redFlags.kind })
      .from(redFlags)
      .where(eq(redFlags.contactId, notification.contactId))
      .orderBy(asc(redFlags.createdAt)),
  ]);
  if (!row || !flagged || flags.length === 0) return null;
  const { common, settings } = aboutTheCase(row, notification.caseId, baseUrl);
  // Each sign's explanation in the user's language, as the rest of the email.
  const details = redFlagDetailsIn(settings.locale);
  return redFlagEmail({
    ...common,
    contactAt: flagged.startedAt,
    flags: flags.map((f) => details[f.kind]),
  });
}
