import type { Executor } from "@caseward/db";
import { desc, eq, getTableColumns } from "@caseward/db";
import {
  attachments,
  auditEvents,
  breaches,
  cases,
  channels,
  companies,
  companyDomains,
  contacts,
  disclosures,
  inboundAddresses,
  inboundMessages,
  notifications,
  privacyAnswers,
  senderAddresses,
  questions,
  redFlags,
  sessions,
  timers,
  userSettings,
  users,
} from "@caseward/db/schema";

// Generated columns (search vectors) and secrets (session tokens, the calendar token) are left
// out: the export is what the user gave and what Caseward made of it.
const { search: _caseSearch, ...caseColumns } = getTableColumns(cases);
const { search: _contactSearch, ...contactColumns } = getTableColumns(contacts);
const { search: _questionSearch, ...questionColumns } = getTableColumns(questions);
const { storageKey: _storageKey, ...attachmentColumns } = getTableColumns(attachments);
const {
  calendarToken: _calendarToken,
  calendarTokenHash: _calendarTokenHash,
  ...settingsColumns
} = getTableColumns(userSettings);
// An inbound message's key is a keyed hash of its Message-ID, an address's token the secret
// that makes it work: neither is the user's data. Sender, subject and date are decrypted, as
// stored (masked).
const { messageKey: _messageKey, ...inboundColumns } = getTableColumns(inboundMessages);

/** Everything Caseward holds about one user, as plain rows; the export's JSON. */
export async function collectAccountData(db: Executor, userId: string) {
  const own = <T extends { ownerId: unknown }>(table: T) => eq(table.ownerId as never, userId);
  const [
    [user],
    settings,
    signIns,
    companyRows,
    domainRows,
    channelRows,
    caseRows,
    contactRows,
    questionRows,
    attachmentRows,
    timerRows,
    notificationRows,
    answerRows,
    disclosureRows,
    redFlagRows,
    breachRows,
    addressRows,
    inboundRows,
    senderRows,
  ] = await Promise.all([
    db
      .select({ name: users.name, email: users.email, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.id, userId)),
    db.select(settingsColumns).from(userSettings).where(eq(userSettings.userId, userId)),
    db
      .select({
        createdAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
        ipAddress: sessions.ipAddress,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(eq(sessions.userId, userId)),
    db.select().from(companies).where(own(companies)),
    db.select().from(companyDomains).where(own(companyDomains)),
    db.select().from(channels).where(own(channels)),
    db.select(caseColumns).from(cases).where(own(cases)),
    db.select(contactColumns).from(contacts).where(own(contacts)),
    db.select(questionColumns).from(questions).where(own(questions)),
    db.select(attachmentColumns).from(attachments).where(own(attachments)),
    db.select().from(timers).where(own(timers)),
    db
      .select({
        id: notifications.id,
        caseId: notifications.caseId,
        kind: notifications.kind,
        state: notifications.state,
        sendAfter: notifications.sendAfter,
        sentAt: notifications.sentAt,
      })
      .from(notifications)
      .where(own(notifications)),
    db.select().from(privacyAnswers).where(own(privacyAnswers)),
    db.select().from(disclosures).where(own(disclosures)),
    db.select().from(redFlags).where(own(redFlags)),
    db.select().from(breaches).where(own(breaches)),
    db
      .select({
        id: inboundAddresses.id,
        createdAt: inboundAddresses.createdAt,
        revokedAt: inboundAddresses.revokedAt,
      })
      .from(inboundAddresses)
      .where(own(inboundAddresses)),
    db.select(inboundColumns).from(inboundMessages).where(own(inboundMessages)),
    db
      .select({
        id: senderAddresses.id,
        address: senderAddresses.address,
        confirmedAt: senderAddresses.confirmedAt,
        createdAt: senderAddresses.createdAt,
      })
      .from(senderAddresses)
      .where(own(senderAddresses)),
  ]);
  const activity = await db
    .select({
      kind: auditEvents.kind,
      occurredAt: auditEvents.occurredAt,
      device: auditEvents.device,
      place: auditEvents.place,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .where(eq(auditEvents.userId, userId))
    .orderBy(desc(auditEvents.occurredAt));
  return {
    format: "caseward-export/1",
    user: user ?? null,
    settings: settings[0] ?? null,
    sessions: signIns,
    companies: companyRows,
    companyDomains: domainRows,
    channels: channelRows,
    cases: caseRows,
    contacts: contactRows,
    questions: questionRows,
    attachments: attachmentRows,
    timers: timerRows,
    notifications: notificationRows,
    privacyAnswers: answerRows,
    disclosures: disclosureRows,
    redFlags: redFlagRows,
    breaches: breachRows,
    inboundAddresses: addressRows,
    /** Emails sent to the private address; each one not filed yet is `inbound/<id>.eml`. */
    inboundMessages: inboundRows,
    /** Other addresses the user sends from (confirmed or waiting for their link). */
    senderAddresses: senderRows,
    securityActivity: activity,
  };
}

export type AccountData = Awaited<ReturnType<typeof collectAccountData>>;
