import type { Executor, Placeholder, SQL } from "@caseward/db";
import { and, asc, eq, inArray, jsonRows, lte, sql } from "@caseward/db";
import { cases, companies, notifications, timers } from "@caseward/db/schema";

import type { TimerChange, TimerRow } from "../cases/case-plan";
import { closedStatuses } from "../cases/status";

export interface ScheduledTimer {
  id: string;
  dueAt: Date;
}

/** The user acted on the case: the pending "still nothing?" reminder is moot. */
export async function cancelReminders(tx: Executor, caseId: string) {
  await tx
    .update(notifications)
    .set({ state: "cancelled" })
    .where(
      and(
        eq(notifications.caseId, caseId),
        eq(notifications.kind, "escalation_reminder"),
        eq(notifications.state, "pending"),
      ),
    );
}

/** Every timer of a case, as the recompute weighs them (fired and met ones are history). */
export function timersOfCase(tx: Executor, caseId: string): Promise<TimerRow[]> {
  return tx
    .select({
      id: timers.id,
      kind: timers.kind,
      status: timers.status,
      contactId: timers.contactId,
      dueAt: timers.dueAt,
    })
    .from(timers)
    .where(eq(timers.caseId, caseId))
    .orderBy(asc(timers.createdAt));
}

/**
 * Makes the timer changes the recompute decided (inside its transaction): ends and moves first,
 * so a new pending timer never meets the old one of its kind. Returns the timers to schedule;
 * a job left for an ended timer finds it no longer pending and does nothing.
 */
export async function applyTimerChanges(
  tx: Executor,
  owner: { userId: string; caseId: string },
  changes: readonly TimerChange[],
): Promise<ScheduledTimer[]> {
  const scheduled: ScheduledTimer[] = [];
  const order = { end: 0, move: 1, start: 2 } as const;
  for (const change of [...changes].sort((a, b) => order[a.change] - order[b.change])) {
    if (change.change === "end") {
      await tx
        .update(timers)
        .set({ status: change.status })
        .where(and(eq(timers.id, change.id), eq(timers.status, "pending")));
    } else if (change.change === "move") {
      const [moved] = await tx
        .update(timers)
        .set({ dueAt: change.dueAt })
        .where(and(eq(timers.id, change.id), eq(timers.status, "pending")))
        .returning({ id: timers.id, dueAt: timers.dueAt });
      if (moved) scheduled.push(moved);
    } else {
      const [started] = await tx
        .insert(timers)
        .values({
          ownerId: owner.userId,
          caseId: owner.caseId,
          contactId: change.contactId,
          kind: change.kind,
          dueAt: change.dueAt,
        })
        .returning({ id: timers.id, dueAt: timers.dueAt });
      scheduled.push(started!);
    }
  }
  return scheduled;
}

/** The case was closed: nothing it waited on is due any more (fired and met ones stay as history). */
export async function cancelPendingTimers(tx: Executor, caseId: string) {
  await tx
    .update(timers)
    .set({ status: "cancelled" })
    .where(and(eq(timers.caseId, caseId), eq(timers.status, "pending")));
}

// A deadline is pending while its timer is and its case is open.
const pendingOf = (userId: string | Placeholder, ofCases?: SQL) =>
  and(
    eq(timers.ownerId, userId),
    eq(timers.status, "pending"),
    ofCases,
    sql`${cases.status} not in ${[...closedStatuses]}`,
  );

/** What a countdown needs of a pending timer. */
export const pendingDeadlineColumns = {
  id: timers.id,
  caseId: timers.caseId,
  kind: timers.kind,
  dueAt: timers.dueAt,
};

/**
 * The pending deadlines of the cases `ofCases` picks (a condition on `timers.case_id`), soonest
 * first, as a JSON array of `pendingDeadlineColumns`: a subquery for a page's one statement.
 */
export const pendingDeadlinesJson = (userId: Placeholder, ofCases: SQL) =>
  sql`(select ${jsonRows(pendingDeadlineColumns, sql`${timers.dueAt}`)}
       from ${timers} inner join ${cases} on ${cases.id} = ${timers.caseId}
       where ${pendingOf(userId, ofCases)})`;

/** Pending deadlines of a case, soonest first (for the case page and the calendar feed). */
export async function listPendingTimers(db: Executor, userId: string, caseIds?: string[]) {
  return db
    .select({
      id: timers.id,
      caseId: timers.caseId,
      kind: timers.kind,
      dueAt: timers.dueAt,
      caseTitle: cases.title,
      companyName: companies.name,
    })
    .from(timers)
    .innerJoin(cases, eq(cases.id, timers.caseId))
    .innerJoin(companies, eq(companies.id, cases.companyId))
    .where(pendingOf(userId, caseIds ? inArray(timers.caseId, caseIds) : undefined))
    .orderBy(asc(timers.dueAt));
}

/**
 * `listPendingTimers` without the names: what a countdown needs. A list shows its cases' names
 * already; decrypting each title again cost more than the rest of the query.
 */
export async function listPendingDeadlines(db: Executor, userId: string, caseIds: string[]) {
  return db
    .select(pendingDeadlineColumns)
    .from(timers)
    .innerJoin(cases, eq(cases.id, timers.caseId))
    .where(pendingOf(userId, inArray(timers.caseId, caseIds)))
    .orderBy(asc(timers.dueAt));
}

/** Timers due by `until` that are still pending: what the reconciler makes sure has a job. */
export async function pendingTimersDueBy(db: Executor, until: Date, limit = 5_000) {
  return db
    .select({ id: timers.id, dueAt: timers.dueAt })
    .from(timers)
    .where(and(eq(timers.status, "pending"), lte(timers.dueAt, until)))
    .orderBy(asc(timers.dueAt))
    .limit(limit);
}
