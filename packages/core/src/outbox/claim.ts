import type { Database, Driver, Executor } from "@caseward/db";
import { eq, preparedStatement, sql } from "@caseward/db";
import { notifications, users } from "@caseward/db/schema";

/** A claim older than this is taken to be of a worker that died mid-send (above the mailer's 10 s connect + 20 s socket timeouts). */
export const sendLeaseMs = 35_000;

/** What sending a notification reads of its row: which email, for whom, about what. */
export type Notification = Pick<
  typeof notifications.$inferSelect,
  "id" | "ownerId" | "caseId" | "contactId" | "timerId" | "kind" | "state" | "attempts"
>;

// Reminders, escalation advice, red-flag advice and digests go only to a confirmed address
// (issue 6): an unconfirmed one may be a typo, or someone else's. Until it is confirmed the
// notification is kept as `held` (./held.ts), shown on the case and counted in the banner.
//
// One statement text for every claim (the ids as one array), prepared once per connection:
// drizzle built a new UPDATE for each claim (its text changed with the number of ids, so
// Postgres parsed and described each one), and returned whole rows (the last error decrypted
// for nothing). A burst's claims were a tenth of the workers' database CPU.
const claim = preparedStatement<{
  id: string;
  owner_id: string;
  case_id: string | null;
  contact_id: string | null;
  timer_id: string | null;
  kind: Notification["kind"];
  state: Notification["state"];
  attempts: number;
}>(sql`
  update ${notifications} set
    state = (case when exists (select 1 from ${users}
        where ${users.id} = ${notifications.ownerId} and ${users.emailVerified})
      then 'sending' else 'held' end)::notification_state,
    attempts = ${notifications.attempts} + 1,
    last_attempt_at = ${sql.placeholder("now")}::timestamptz,
    updated_at = ${sql.placeholder("now")}::timestamptz
  where ${notifications.id} = any(${sql.placeholder("ids")}::uuid[])
    and ${notifications.sendAfter} <= ${sql.placeholder("now")}::timestamptz
    and (${notifications.state} = 'pending'
      or (${notifications.state} = 'sending'
        and ${notifications.lastAttemptAt} <= ${sql.placeholder("leaseEnded")}::timestamptz))
  returning ${notifications.id}, ${notifications.ownerId}, ${notifications.caseId},
    ${notifications.contactId}, ${notifications.timerId}, ${notifications.kind},
    ${notifications.state}, ${notifications.attempts}`);

/**
 * Takes the notifications of `ids` that may be sent now: due, and pending or their lease over.
 * Only one worker holds a notification at a time: the row moves to `sending` with one more
 * attempt and a lease from `now`; a second worker (a duplicate job) waits for the lease to end,
 * so a crash before the send is retried, and a finished one is never sent again. One whose
 * owner's address is not confirmed is held instead (above), in the same statement: a
 * confirmation meanwhile cannot leave one held, and a claim is one round trip (it was two).
 * The returned rows say `held`.
 */
export async function claimNotifications(
  db: Database,
  ids: string[],
  now: Date,
): Promise<Notification[]> {
  const rows = await claim(db.$client, {
    ids,
    now: now.toISOString(),
    leaseEnded: new Date(now.getTime() - sendLeaseMs).toISOString(),
  });
  return rows.map((row) => ({
    id: row.id,
    ownerId: row.owner_id,
    caseId: row.case_id,
    contactId: row.contact_id,
    timerId: row.timer_id,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
  }));
}

/** Prepares the claim on the connection of `driver` (a transaction's); it claims nothing. */
export async function prepareClaim(driver: Driver) {
  const longAgo = new Date(0).toISOString();
  await claim(driver, { ids: [], now: longAgo, leaseEnded: longAgo });
}

/**
 * Why a notification was not claimed: it must `wait` (not due yet, or under another worker's
 * lease), or it is `done` (sent, cancelled, held, failed, or gone).
 */
export async function unclaimedState(db: Executor, id: string): Promise<"wait" | "done"> {
  const [row] = await db
    .select({ state: notifications.state })
    .from(notifications)
    .where(eq(notifications.id, id));
  return row?.state === "pending" || row?.state === "sending" ? "wait" : "done";
}
