import type { Database } from "@caseward/db";
import { and, eq, inArray } from "@caseward/db";
import { notifications, sessions, timers, users } from "@caseward/db/schema";

import { notificationJobId, timerJobId } from "../jobs/job-ids";
import type { EndSessions } from "./sessions";

/**
 * The first ids of the queue jobs that may exist for a user's rows (deterministic); the
 * producer's `remove` adds every other id a timer or notification was queued under.
 */
export async function queuedJobIdsOf(db: Database, userId: string) {
  const [pending, unsent] = await Promise.all([
    db
      .select({ id: timers.id, dueAt: timers.dueAt })
      .from(timers)
      .where(and(eq(timers.ownerId, userId), eq(timers.status, "pending"))),
    db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.ownerId, userId),
          inArray(notifications.state, ["pending", "sending"]),
        ),
      ),
  ]);
  return [
    `welcome-${userId}`,
    ...pending.map((t) => timerJobId(t.id, t.dueAt)),
    ...unsent.map((n) => notificationJobId(n.id)),
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
  },
) {
  const jobIds = await queuedJobIdsOf(db, userId);
  const tokens = await db
    .select({ token: sessions.token })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  const deleted = await db.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
  await options.endSessions?.(tokens.map((session) => session.token));
  const jobsRemoved = options.removeJobs ? await options.removeJobs(jobIds) : 0;
  return { deleted: deleted.length === 1, jobsRemoved };
}
