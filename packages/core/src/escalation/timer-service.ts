import type { Executor } from "@caseward/db";
import { and, asc, eq, inArray, lte, min, sql } from "@caseward/db";
import { cases, companies, contacts, notifications, timers } from "@caseward/db/schema";
import type {
  ChannelKind,
  ContactDirection,
  ContactOutcome,
  TimerKind,
} from "@caseward/db/vocabulary";

import { closedStatuses } from "../cases/status";
import { getSettings } from "../settings/settings-service";
import { awaitsAnswer, responseDueAt, satisfyResponseWindow } from "./response-window";

export interface ScheduledTimer {
  id: string;
  dueAt: Date;
}

const DAY_MS = 24 * 3600 * 1000;

async function replacePending(
  tx: Executor,
  values: {
    ownerId: string;
    caseId: string;
    contactId: string | null;
    kind: TimerKind;
    dueAt: Date;
  },
): Promise<ScheduledTimer> {
  await tx
    .update(timers)
    .set({ status: "cancelled" })
    .where(
      and(
        eq(timers.caseId, values.caseId),
        eq(timers.kind, values.kind),
        eq(timers.status, "pending"),
      ),
    );
  const [created] = await tx
    .insert(timers)
    .values(values)
    .returning({ id: timers.id, dueAt: timers.dueAt });
  return created!;
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

/**
 * Brings a case's deadlines up to date after a contact was logged (inside that transaction):
 * an inbound contact satisfies the pending response window; an outbound one that awaits an
 * answer starts a new one; a promise starts its own; the first contact starts the regulator
 * clock when the company names a complaint body. Returns the timers to schedule.
 */
export async function syncTimersAfterContact(
  tx: Executor,
  userId: string,
  input: {
    caseId: string;
    caseWindowDays: number | null;
    contact: {
      id: string;
      direction: ContactDirection;
      channelKind: ChannelKind;
      outcome: ContactOutcome | null;
      startedAt: Date;
      followUpDueAt: Date | null;
    };
  },
): Promise<ScheduledTimer[]> {
  const { caseId, contact } = input;
  const scheduled: ScheduledTimer[] = [];
  await cancelReminders(tx, caseId);

  if (contact.outcome === "resolved") {
    await tx
      .update(timers)
      .set({ status: "cancelled" })
      .where(and(eq(timers.caseId, caseId), eq(timers.status, "pending")));
    return scheduled;
  }
  if (contact.direction === "inbound") {
    await satisfyResponseWindow(tx, caseId);
  }
  if (awaitsAnswer(contact)) {
    const settings = await getSettings(tx, userId);
    scheduled.push(
      await replacePending(tx, {
        ownerId: userId,
        caseId,
        contactId: contact.id,
        kind: "response_window",
        dueAt: responseDueAt(contact.startedAt, input.caseWindowDays, settings),
      }),
    );
  }
  if (contact.followUpDueAt) {
    scheduled.push(
      await replacePending(tx, {
        ownerId: userId,
        caseId,
        contactId: contact.id,
        kind: "promised_follow_up",
        dueAt: contact.followUpDueAt,
      }),
    );
  }
  const regulator = await regulatorClock(tx, userId, caseId);
  if (regulator) scheduled.push(regulator);
  return scheduled;
}

async function regulatorClock(tx: Executor, userId: string, caseId: string) {
  const [existing] = await tx
    .select({ id: timers.id })
    .from(timers)
    .where(and(eq(timers.caseId, caseId), eq(timers.kind, "regulator_eligibility")));
  if (existing) return null;
  const [row] = await tx
    .select({ afterDays: companies.complaintAfterDays, body: companies.complaintBody })
    .from(cases)
    .innerJoin(companies, eq(companies.id, cases.companyId))
    .where(eq(cases.id, caseId));
  if (!row?.afterDays || !row.body) return null;
  const [first] = await tx
    .select({ at: min(contacts.startedAt) })
    .from(contacts)
    .where(eq(contacts.caseId, caseId));
  if (!first?.at) return null;
  const dueAt = new Date(first.at.getTime() + row.afterDays * DAY_MS);
  return replacePending(tx, {
    ownerId: userId,
    caseId,
    contactId: null,
    kind: "regulator_eligibility",
    dueAt,
  });
}

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
    .where(
      and(
        eq(timers.ownerId, userId),
        eq(timers.status, "pending"),
        caseIds ? inArray(timers.caseId, caseIds) : undefined,
        sql`${cases.status} not in ${[...closedStatuses]}`,
      ),
    )
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
