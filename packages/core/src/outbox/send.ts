import type { Database, Driver, Executor } from "@caseward/db";
import { eq, inArray } from "@caseward/db";
import { notifications } from "@caseward/db/schema";

import { jobAttempts } from "../jobs/definitions";
import type { Mailer } from "../mail";
import { mailerConnections } from "../mail";
import type { Notification } from "./claim";
import { claimNotifications, prepareClaim, sendLeaseMs, unclaimedState } from "./claim";
import { prepareCaseEmailRows } from "./case-emails";
import { composeEach } from "./compose";
import { prepareSentStamps, sentStamps } from "./sent-stamps";

/** Notifications one job claims and sends at once, at most (all of them die with its worker). */
export const sendBatchSize = 25;

/**
 * A batch's emails wait for the mailer's few connections. One that has not started this long
 * after the claim is not started at all: its send could still be under way when the lease ends
 * and another worker takes the row (so the same email twice). It is retried later instead.
 */
const lastStartMs = sendLeaseMs - 30_000;

/** The Message-ID of a notification: the same for every attempt, so receivers can de-duplicate. */
export const notificationMessageId = (id: string) => `<notification-${id}@caseward.local>`;

interface SendOptions {
  baseUrl: string;
  now?: Date;
}

/**
 * What became of a claimed notification: sent; held (its owner's address is not confirmed);
 * cancelled (moot: the case moved on); failed (the send failed: pending again, or failed after
 * the last attempt); late (not started within `lastStartMs`: it keeps its lease).
 */
type Outcome =
  { status: "sent" | "held" | "cancelled" | "late" } | { status: "failed"; error: unknown };

/**
 * Sends many notifications, `sendBatchSize` at a time, as the job that fired their timers
 * does. Returns how many were sent, the ids to try again later (failed or late; pending or
 * claimed, so a later job sends them), and how many sends failed.
 */
export async function sendNotifications(
  db: Database,
  mailer: Mailer,
  ids: string[],
  options: SendOptions,
): Promise<{ sent: number; failed: string[]; errors: number }> {
  const failed: string[] = [];
  let sent = 0;
  let errors = 0;
  for (let i = 0; i < ids.length; i += sendBatchSize) {
    const outcomes = await sendBatch(db, mailer, ids.slice(i, i + sendBatchSize), options);
    for (const [id, { status }] of outcomes) {
      if (status === "sent") sent++;
      else if (status === "failed" || status === "late") failed.push(id);
      if (status === "failed") errors++;
    }
  }
  return { sent, failed, errors };
}

/**
 * One notification, as its own job sends it: a batch of one. Throws the error of a failed send
 * so the queue retries it. `wait` when it cannot be taken now (not due, or another worker's
 * lease) or its own claim started it too late; `done` when there is nothing left to send.
 */
export async function sendNotification(
  db: Database,
  mailer: Mailer,
  id: string,
  options: SendOptions,
): Promise<"sent" | "held" | "cancelled" | "wait" | "done"> {
  const outcome = (await sendBatch(db, mailer, [id], options)).get(id);
  if (!outcome) return unclaimedState(db, id);
  if (outcome.status === "failed") throw outcome.error;
  return outcome.status === "late" ? "wait" : outcome.status;
}

/**
 * The one send path: one claim for all, one read of what they say, the emails handed to the
 * mailer together (its pool sends several at a time), each with its stable Message-ID and
 * stamped `sent` as soon as its server accepted it. The outcomes of the claimed ones, by id.
 */
async function sendBatch(db: Database, mailer: Mailer, ids: string[], options: SendOptions) {
  const outcomes = new Map<string, Outcome>();
  const claimedAt = Date.now();
  const now = options.now ?? new Date(claimedAt);
  const taken = await claimNotifications(db, ids, now);
  if (taken.length === 0) return outcomes;
  const claimed: Notification[] = [];
  for (const notification of taken) {
    if (notification.state === "held") outcomes.set(notification.id, { status: "held" });
    else claimed.push(notification);
  }
  const emails = await composeEach(db, claimed, options.baseUrl);
  // Awaited by the lanes, in order; a failed render fails the batch once every lane stopped.
  for (const email of emails) email.catch(() => undefined);
  const moot: string[] = [];
  const stamps = sentStamps(db, claimedAt, claimed.length);
  /** Sends one email; its `sent` stamp is on its way (`written`) when this resolves. */
  const sendOne = async (
    notification: Notification,
    i: number,
  ): Promise<{ written: Promise<void> } | undefined> => {
    const { id } = notification;
    const email = await emails[i]!;
    if (!email) {
      moot.push(id);
      outcomes.set(id, { status: "cancelled" });
      return;
    }
    if (Date.now() - claimedAt > lastStartMs) {
      outcomes.set(id, { status: "late" });
      return;
    }
    let result: { messageId: string };
    try {
      result = await mailer.send({
        ...email,
        messageId: notificationMessageId(id),
        userId: notification.ownerId,
      });
    } catch (error) {
      outcomes.set(id, { status: "failed", error });
      await markFailed(
        db,
        id,
        error instanceof Error ? error.message : String(error),
        notification.attempts >= jobAttempts,
      );
      return;
    }
    outcomes.set(id, { status: "sent" });
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
  const lanes = await Promise.allSettled(Array.from({ length: mailerConnections }, lane));
  if (moot.length > 0) {
    await db
      .update(notifications)
      .set({ state: "cancelled" })
      .where(inArray(notifications.id, moot));
  }
  for (const result of lanes) if (result.status === "rejected") throw result.reason;
  return outcomes;
}

/**
 * Prepares the send path's statements (claim, the case emails' rows, `sent` stamps) on the
 * connection of `driver` (a transaction's), with arguments that match no row.
 */
export async function prepareSending(driver: Driver) {
  await Promise.all([
    prepareClaim(driver),
    prepareCaseEmailRows(driver),
    prepareSentStamps(driver),
  ]);
}

/** Records a failed attempt: back to pending for the next try, or failed after the last one. */
async function markFailed(db: Executor, id: string, error: string, final: boolean) {
  await db
    .update(notifications)
    .set({ state: final ? "failed" : "pending", lastError: error.slice(0, 300) })
    .where(eq(notifications.id, id));
}
