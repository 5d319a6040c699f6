import type { Database, Executor, SQL } from "@caseward/db";
import { alias, and, asc, eq, inArray, lte, or, sql } from "@caseward/db";
import {
  cases,
  channels,
  companies,
  contacts,
  notifications,
  questions,
  redFlags,
  timers,
  users,
  userSettings,
} from "@caseward/db/schema";

import { businessDayLengthMs, businessTimeBetween, clockOf, countdownTo } from "../calendar";
import { channelKindLabels, provenanceLabels } from "../labels";
import type { Mailer, OutgoingEmail } from "../mail";
import {
  escalationEmail,
  mailerConnections,
  promiseDueEmail,
  redFlagEmail,
  regulatorEligibleEmail,
} from "../mail";
import { redFlagDetails } from "../privacy/red-flags";
import { jobAttempts } from "../jobs/definitions";
import type { Settings } from "../settings/settings-service";
import { calendarOf, settingsOf } from "../settings/settings-service";
import { composeDailyDigest } from "./daily-digest";
import { holdUnlessOwnerVerified } from "./held-notifications";

/** A claim older than this is taken to be of a worker that died mid-send (above the mailer's 10 s connect + 20 s socket timeouts). */
export const sendLeaseMs = 35_000;

/**
 * A batch's emails wait for the mailer's few connections. One that has not started this long
 * after the claim is not started at all: its send could still be under way when the lease ends
 * and another worker takes the row (so the same email twice). It is retried later instead.
 */
const lastStartMs = sendLeaseMs - 30_000;

type Notification = typeof notifications.$inferSelect;
export type Claim =
  | { status: "claimed"; notification: Notification }
  | { status: "wait"; until: Date }
  | { status: "done" };

/** The notifications of `which` that may be taken now: due, and pending or their lease over. */
function claimable(which: SQL | undefined, now: Date) {
  const leaseEnded = new Date(now.getTime() - sendLeaseMs);
  return and(
    which,
    lte(notifications.sendAfter, now),
    or(
      eq(notifications.state, "pending"),
      and(eq(notifications.state, "sending"), lte(notifications.lastAttemptAt, leaseEnded)),
    ),
  );
}

/** What taking a notification writes: `sending`, one more attempt, the lease's start. */
const claiming = (now: Date) => ({
  state: "sending" as const,
  attempts: sql`${notifications.attempts} + 1`,
  lastAttemptAt: now,
});

/**
 * Takes a notification for sending. Only one worker holds it at a time: the row moves to
 * `sending` with a lease; a second worker (a duplicate job) waits for the lease to end, so a
 * crash before the send is retried, and a finished one is never sent again.
 */
export async function claimNotification(
  db: Executor,
  id: string,
  now = new Date(),
): Promise<Claim> {
  const [claimed] = await db
    .update(notifications)
    .set(claiming(now))
    .where(claimable(eq(notifications.id, id), now))
    .returning();
  if (claimed) return { status: "claimed", notification: claimed };
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  if (!row || !["pending", "sending"].includes(row.state)) return { status: "done" };
  const until =
    row.state === "pending"
      ? row.sendAfter
      : new Date((row.lastAttemptAt ?? now).getTime() + sendLeaseMs);
  return { status: "wait", until };
}

export async function markNotificationSent(db: Executor, id: string, messageId: string) {
  await db
    .update(notifications)
    .set({ state: "sent", sentAt: new Date(), messageId, lastError: null })
    .where(eq(notifications.id, id));
}

/** Records a failed attempt: back to pending for the next try, or failed after the last one. */
export async function markNotificationFailed(
  db: Executor,
  id: string,
  error: string,
  final: boolean,
) {
  await db
    .update(notifications)
    .set({ state: final ? "failed" : "pending", lastError: error.slice(0, 300) })
    .where(eq(notifications.id, id));
}

async function cancel(db: Executor, id: string) {
  await db.update(notifications).set({ state: "cancelled" }).where(eq(notifications.id, id));
}

/** The Message-ID of a notification: the same for every attempt, so receivers can de-duplicate. */
export const notificationMessageId = (id: string) => `<notification-${id}@caseward.local>`;

const suggestedChannel = alias(channels, "suggested_channel");
const lastChannel = alias(channels, "last_channel");

/**
 * Everything the emails of these notifications (about one case each) say, one row per
 * notification, in one query.
 */
function caseEmailRows(db: Executor, ids: string[]) {
  return db
    .select({
      id: notifications.id,
      email: users.email,
      userName: users.name,
      caseTitle: cases.title,
      caseStatus: cases.status,
      companyName: companies.name,
      complaintBody: companies.complaintBody,
      settings: userSettings,
      timer: { dueAt: timers.dueAt, createdAt: timers.createdAt, contactId: timers.contactId },
      contact: {
        startedAt: contacts.startedAt,
        channelKind: contacts.channelKind,
        promisedFollowUp: contacts.promisedFollowUp,
        representativeName: contacts.representativeName,
        referenceNumber: contacts.referenceNumber,
      },
      lastChannel: { value: lastChannel.value },
      suggested: {
        kind: suggestedChannel.kind,
        value: suggestedChannel.value,
        status: suggestedChannel.status,
        provenance: suggestedChannel.provenance,
        lastVerifiedAt: suggestedChannel.lastVerifiedAt,
      },
    })
    .from(notifications)
    .innerJoin(
      cases,
      and(eq(cases.id, notifications.caseId), eq(cases.ownerId, notifications.ownerId)),
    )
    .innerJoin(users, eq(users.id, cases.ownerId))
    .innerJoin(companies, eq(companies.id, cases.companyId))
    .leftJoin(userSettings, eq(userSettings.userId, cases.ownerId))
    .leftJoin(timers, and(eq(timers.id, notifications.timerId), eq(timers.ownerId, cases.ownerId)))
    .leftJoin(
      contacts,
      and(eq(contacts.id, timers.contactId), eq(contacts.ownerId, timers.ownerId)),
    )
    .leftJoin(lastChannel, eq(lastChannel.id, contacts.channelId))
    .leftJoin(suggestedChannel, eq(suggestedChannel.id, cases.suggestedChannelId))
    .where(inArray(notifications.id, ids));
}
type CaseEmailRow = Awaited<ReturnType<typeof caseEmailRows>>[number];

/** The first open `need` questions of each case, in priority order (one query for all). */
async function needQuestionsOf(db: Executor, caseIds: string[]) {
  const byCase = new Map<string, string[]>();
  if (caseIds.length === 0) return byCase;
  const place = sql<number>`row_number() over (partition by ${questions.caseId} order by ${questions.position})`;
  const ranked = db
    .select({ caseId: questions.caseId, text: questions.text, place: place.as("place") })
    .from(questions)
    .where(
      and(
        inArray(questions.caseId, caseIds),
        eq(questions.tier, "need"),
        sql`${questions.answer} is null`,
      ),
    )
    .as("ranked");
  const rows = await db
    .select({ caseId: ranked.caseId, text: ranked.text })
    .from(ranked)
    .where(lte(ranked.place, 3))
    .orderBy(ranked.caseId, ranked.place);
  for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row.text]);
  return byCase;
}

// Kinds whose email is made from the case row above; the others read what they need themselves.
const caseRowKinds = new Set<Notification["kind"]>([
  "escalation",
  "escalation_reminder",
  "regulator_eligible",
  "promise_due",
]);

/** The email of a notification about a case, from its row, or null when it became moot. */
async function caseEmailOf(
  notification: Notification,
  row: CaseEmailRow | undefined,
  need: string[],
  baseUrl: string,
): Promise<OutgoingEmail | null> {
  if (!row || !notification.caseId) return null;
  // Rendering is synchronous: one email per turn of the event loop, so a batch of them never
  // holds up timers, sockets and signals (a SIGTERM relayed by tsx must be answered quickly).
  await new Promise((resolve) => setImmediate(resolve));
  const { settings, common } = aboutTheCase(row, notification.caseId, baseUrl);
  const { timer, contact } = row;

  if (notification.kind === "regulator_eligible") {
    if (!row.complaintBody || !timer) return null;
    return regulatorEligibleEmail({
      ...common,
      complaintBody: row.complaintBody,
      eligibleSince: timer.dueAt,
    });
  }
  if (notification.kind === "escalation" || notification.kind === "escalation_reminder") {
    // The reminder is for a user who did nothing: the case must still be waiting on them.
    if (row.caseStatus !== "escalation_due" || !timer) return null;
    const suggested = row.suggested;
    const calendar = calendarOf(settings);
    const since = contact?.startedAt ?? timer.createdAt;
    const now = new Date();
    const waited = businessTimeBetween(since, now, calendar) / businessDayLengthMs(calendar);
    return escalationEmail({
      ...common,
      waitedBusinessDays: Math.round(waited * 10) / 10,
      lastChannelLabel: contact
        ? `${channelKindLabels[contact.channelKind]}${row.lastChannel ? `: ${row.lastChannel.value}` : ""}`
        : null,
      lastContactAt: contact?.startedAt ?? null,
      answerDue: countdownTo(timer.dueAt, calendar, now),
      suggestion:
        suggested && suggested.status === "verified"
          ? {
              kind: "channel",
              channelLabel: channelKindLabels[suggested.kind],
              value: suggested.value,
              provenanceLabel: provenanceLabels[suggested.provenance],
              lastVerifiedAt: suggested.lastVerifiedAt,
            }
          : { kind: "verify_first" },
      needQuestions: need,
      reminder: notification.kind === "escalation_reminder",
    });
  }
  if (notification.kind === "promise_due") {
    if (!timer?.contactId || !contact?.promisedFollowUp) return null;
    return promiseDueEmail({
      ...common,
      promise: contact.promisedFollowUp,
      dueAt: timer.dueAt,
      representativeName: contact.representativeName,
      referenceNumber: contact.referenceNumber,
    });
  }
  return null;
}

/** The emails of many notifications (null where moot), reading each table once for all. */
export async function composeNotifications(
  db: Executor,
  list: Notification[],
  baseUrl: string,
): Promise<(OutgoingEmail | null)[]> {
  const fromRows = list.filter((n) => caseRowKinds.has(n.kind) && n.caseId);
  const [rows, need] =
    fromRows.length === 0
      ? [[], new Map<string, string[]>()]
      : await Promise.all([
          caseEmailRows(
            db,
            fromRows.map((n) => n.id),
          ),
          needQuestionsOf(db, [...new Set(fromRows.map((n) => n.caseId!))]),
        ]);
  const rowOf = new Map(rows.map((row) => [row.id, row]));
  return Promise.all(
    list.map((n) =>
      caseRowKinds.has(n.kind)
        ? caseEmailOf(n, rowOf.get(n.id), need.get(n.caseId ?? "") ?? [], baseUrl)
        : composeOther(db, n, baseUrl),
    ),
  );
}

/**
 * What every email about a case carries (to whom, which case, links, the reader's time zone),
 * and the reader's settings: their own, or the defaults if they never saved any.
 */
function aboutTheCase(
  row: {
    email: string;
    userName: string;
    caseTitle: string;
    companyName: string;
    settings: Settings | null;
  },
  caseId: string,
  baseUrl: string,
) {
  const settings = settingsOf(row.settings);
  return {
    settings,
    common: {
      to: row.email,
      userName: row.userName,
      caseTitle: row.caseTitle,
      companyName: row.companyName,
      caseUrl: `${baseUrl}/cases/${caseId}`,
      settingsUrl: `${baseUrl}/settings`,
      ...clockOf(settings),
    },
  };
}

/** The email a notification stands for, or null when it became moot (the case moved on). */
export async function composeNotification(
  db: Executor,
  notification: Notification,
  baseUrl: string,
): Promise<OutgoingEmail | null> {
  const [email] = await composeNotifications(db, [notification], baseUrl);
  return email ?? null;
}

/** The emails not made from a case row: the daily digest, red-flag advice. */
async function composeOther(
  db: Executor,
  notification: Notification,
  baseUrl: string,
): Promise<OutgoingEmail | null> {
  if (notification.kind === "daily_digest") {
    return composeDailyDigest(db, notification.ownerId, baseUrl);
  }
  if (notification.kind !== "red_flag" || !notification.caseId || !notification.contactId) {
    return null;
  }
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
  return redFlagEmail({
    ...aboutTheCase(row, notification.caseId, baseUrl).common,
    contactAt: flagged.startedAt,
    flags: flags.map((f) => redFlagDetails[f.kind]),
  });
}

/**
 * Sends one notification at most once per successful attempt: claim, compose, send with a
 * stable Message-ID, mark sent. Throws on a failed send so the queue retries it.
 */
export async function sendNotification(
  db: Database,
  mailer: Mailer,
  id: string,
  options: { baseUrl: string; now?: Date },
): Promise<Claim["status"] | "sent" | "cancelled" | "held"> {
  const claimedAt = Date.now();
  const claim = await claimNotification(db, id, options.now);
  if (claim.status !== "claimed") return claim.status;
  if ((await holdUnlessOwnerVerified(db, [id])).size > 0) return "held";
  const email = await composeNotification(db, claim.notification, options.baseUrl);
  if (!email) {
    await cancel(db, id);
    return "cancelled";
  }
  let sent: { messageId: string };
  try {
    sent = await mailer.send({ ...email, messageId: notificationMessageId(id) });
  } catch (error) {
    const final = claim.notification.attempts >= jobAttempts;
    await markNotificationFailed(
      db,
      id,
      error instanceof Error ? error.message : String(error),
      final,
    );
    throw error;
  }
  // The email is out. A failed write now (Postgres restarting) must not count as a failed send,
  // or the retry would send it again: keep trying while our lease holds off other senders.
  await whileLeaseHolds(claimedAt, () => markNotificationSent(db, id, sent.messageId));
  return "sent";
}

/** Notifications one job claims and sends at once, at most (all of them die with its worker). */
export const sendBatchSize = 25;

/**
 * `sendNotification` for many at once, as the job that fired their timers sends them: one
 * claim for all, one read of what they say, the emails handed to the mailer together (its
 * pool sends several at a time), each stamped `sent` as soon as its server accepted it
 * (stamps that fall together share one UPDATE). The same lease and Message-ID rules as one by
 * one. Returns the ids whose send failed (back to pending, to be retried by a job).
 */
export async function sendNotifications(
  db: Database,
  mailer: Mailer,
  ids: string[],
  options: { baseUrl: string; now?: Date },
): Promise<{ sent: number; failed: string[] }> {
  const failed: string[] = [];
  let sent = 0;
  for (let i = 0; i < ids.length; i += sendBatchSize) {
    const chunk = await sendChunk(db, mailer, ids.slice(i, i + sendBatchSize), options);
    sent += chunk.sent;
    failed.push(...chunk.failed);
  }
  return { sent, failed };
}

async function sendChunk(
  db: Database,
  mailer: Mailer,
  ids: string[],
  options: { baseUrl: string; now?: Date },
) {
  const claimedAt = Date.now();
  const now = options.now ?? new Date(claimedAt);
  const taken = await db
    .update(notifications)
    .set(claiming(now))
    .where(claimable(inArray(notifications.id, ids), now))
    .returning();
  if (taken.length === 0) return { sent: 0, failed: [] };
  const held = await holdUnlessOwnerVerified(
    db,
    taken.map((notification) => notification.id),
  );
  const claimed = taken.filter((notification) => !held.has(notification.id));
  const emails = await composeNotifications(db, claimed, options.baseUrl);
  const moot = claimed.filter((_, i) => !emails[i]).map((n) => n.id);
  const stamps = sentStamps(db, claimedAt);
  const failed: string[] = [];
  let sent = 0;
  /** Sends one email; its `sent` stamp is on its way (`written`) when this resolves. */
  const sendOne = async (
    notification: Notification,
    i: number,
  ): Promise<{ written: Promise<void> } | undefined> => {
    const email = emails[i];
    if (!email) return;
    const { id } = notification;
    if (Date.now() - claimedAt > lastStartMs) {
      failed.push(id);
      return;
    }
    let result: { messageId: string };
    try {
      result = await mailer.send({ ...email, messageId: notificationMessageId(id) });
    } catch (error) {
      failed.push(id);
      await markNotificationFailed(
        db,
        id,
        error instanceof Error ? error.message : String(error),
        notification.attempts >= jobAttempts,
      );
      return;
    }
    sent++;
    const write = stamps.add(id, result.messageId);
    // Awaited by its lane one send later; not an unhandled rejection meanwhile.
    write.catch(() => undefined);
    return { written: write };
  };
  // As many sends at once as the mailer has connections: each starts only when one is free,
  // so the start-time check above means what it says. A lane sends its next email while the
  // last one's stamp is written, but not the one after: if stamps cannot be written (the
  // database is away), each lane stops with at most two emails out and unstamped.
  let next = 0;
  const lane = async () => {
    let previous: Promise<void> | undefined;
    while (next < claimed.length) {
      const i = next++;
      const stamp = await sendOne(claimed[i]!, i);
      await previous;
      previous = stamp?.written;
    }
    await previous;
  };
  await Promise.all([
    moot.length > 0
      ? db.update(notifications).set({ state: "cancelled" }).where(inArray(notifications.id, moot))
      : undefined,
    ...Array.from({ length: mailerConnections }, lane),
  ]);
  return { sent, failed };
}

/**
 * How long a `sent` stamp waits for others to go in the same UPDATE: a burst's emails are
 * accepted a few milliseconds apart, and one UPDATE per email was most of a send's database
 * work. A crash in this window is one more email sent again (same Message-ID).
 */
const stampGatherMs = 10;

/**
 * `sent` stamps of one claim: each soon after its email was accepted; those accepted within
 * `stampGatherMs`, or while an UPDATE is on its way, go together. A failed write is retried
 * while the lease holds (the email is out: it must not be sent again).
 */
function sentStamps(db: Database, claimedAt: number) {
  let waiting: { id: string; messageId: string; done: () => void; fail: (e: unknown) => void }[] =
    [];
  let writing = false;
  async function flush() {
    writing = true;
    while (waiting.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, stampGatherMs));
      const batch = waiting;
      waiting = [];
      try {
        await whileLeaseHolds(claimedAt, () =>
          db
            .update(notifications)
            .set({
              state: "sent",
              sentAt: new Date(),
              lastError: null,
              messageId: sql`(case ${notifications.id} ${sql.join(
                batch.map((b) => sql`when ${b.id}::uuid then ${b.messageId}`),
                sql` `,
              )} end)`,
            })
            .where(
              inArray(
                notifications.id,
                batch.map((b) => b.id),
              ),
            ),
        );
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.fail(error);
      }
    }
    writing = false;
  }
  return {
    add: (id: string, messageId: string) =>
      new Promise<void>((done, fail) => {
        waiting.push({ id, messageId, done, fail });
        if (!writing) void flush();
      }),
  };
}

/** Runs `write` until it succeeds, once a second, until the lease taken at `claimedAt` ends. */
async function whileLeaseHolds(claimedAt: number, write: () => Promise<unknown>) {
  for (;;) {
    try {
      await write();
      return;
    } catch (error) {
      if (Date.now() + 1_000 >= claimedAt + sendLeaseMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** Notifications that should have a job by `until`: the reconciler's other half. */
export async function unsentNotificationsDueBy(db: Executor, until: Date, limit = 5_000) {
  return db
    .select({ id: notifications.id, sendAfter: notifications.sendAfter })
    .from(notifications)
    .where(
      and(
        inArray(notifications.state, ["pending", "sending"]),
        lte(notifications.sendAfter, until),
      ),
    )
    .orderBy(asc(notifications.sendAfter))
    .limit(limit);
}

/** What the case page shows of the emails of a case: kind, state, attempts, last error. */
export async function listCaseNotifications(db: Executor, userId: string, caseId: string) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      state: notifications.state,
      sendAfter: notifications.sendAfter,
      attempts: notifications.attempts,
      lastError: notifications.lastError,
      sentAt: notifications.sentAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(and(eq(notifications.caseId, caseId), eq(notifications.ownerId, userId)))
    .orderBy(asc(notifications.createdAt));
}
