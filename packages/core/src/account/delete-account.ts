import type { Database } from "@caseward/db";
import { eq, or } from "@caseward/db";
import {
  inboundMessages,
  notifications,
  sessions,
  timers,
  users,
  verifications,
} from "@caseward/db/schema";

import { inboundJobId, notificationJobId, timerJobId } from "../jobs/job-ids";
import { deleteDevMailbox } from "../mail/dev-mailbox";
import type { EndSessions } from "./sessions";

/**
 * The ids of the queue jobs that may exist for a user's rows, to run or finished (the first
 * id of each; the producer's `remove` also finds the other ids a timer's or a notification's
 * job ran under).
 */
export async function queuedJobIdsOf(db: Database, userId: string) {
  const [userTimers, userNotifications, messages] = await Promise.all([
    db
      .select({ id: timers.id, dueAt: timers.dueAt })
      .from(timers)
      .where(eq(timers.ownerId, userId)),
    db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.ownerId, userId)),
    db
      .select({ id: inboundMessages.id })
      .from(inboundMessages)
      .where(eq(inboundMessages.ownerId, userId)),
  ]);
  return [
    `welcome-${userId}`,
    ...userTimers.map((t) => timerJobId(t.id, t.dueAt)),
    ...userNotifications.map((n) => notificationJobId(n.id)),
    ...messages.map((m) => inboundJobId(m.id)),
  ];
}

/**
 * Deletes the user and everything of theirs: every row (one delete; the foreign keys cascade
 * from the user to sessions, companies and all below, down to the chunks of their uploaded
 * files) and their queued jobs (`removeJobs`, given the job ids; a job that slips through
 * finds no row and does nothing). Returns what was removed.
 */
export async function deleteAccount(
  db: Database,
  userId: string,
  options: {
    removeJobs?: (jobIds: string[]) => Promise<number>;
    endSessions?: EndSessions;
    /** The dev mailbox (no SMTP server): the user's emails in it go with the account. */
    mailboxDir?: string;
  },
) {
  const jobIds = await queuedJobIdsOf(db, userId);
  const tokens = await db
    .select({ token: sessions.token })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  const deleted = await db.transaction(async (tx) => {
    // better-auth's pending links and challenges (a reset token, a sign-in's second step, a
    // trusted device) hold the user id as their value, with no foreign key to cascade.
    await tx
      .delete(verifications)
      .where(or(eq(verifications.value, userId), eq(verifications.identifier, userId)));
    return tx.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
  });
  await options.endSessions?.(tokens.map((session) => session.token));
  const jobsRemoved = options.removeJobs ? await options.removeJobs(jobIds) : 0;
  if (options.mailboxDir) await deleteDevMailbox(options.mailboxDir, userId);
  return { deleted: deleted.length === 1, jobsRemoved };
}
