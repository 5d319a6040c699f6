import type { Executor } from "@caseward/db";
import type { TimerKind } from "@caseward/db/vocabulary";

import type { BusinessCalendar, Countdown } from "../calendar";
import { countdownTo } from "../calendar";
import { listPendingDeadlines } from "./timer-service";

/** A pending timer as the user sees it: what it is, when, and how long is left. */
export interface Deadline {
  id: string;
  kind: TimerKind;
  dueAt: Date;
  countdown: Countdown;
}

/** A pending timer with its countdown (`countdownOf`). */
export function deadlineOf(
  timer: { id: string; kind: TimerKind; dueAt: Date },
  calendar: BusinessCalendar,
  now = new Date(),
): Deadline {
  return {
    id: timer.id,
    kind: timer.kind,
    dueAt: timer.dueAt,
    countdown: countdownOf(timer, calendar, now),
  };
}

/**
 * The countdown of a timer: business time in the user's calendar, except the regulator clock,
 * whose days are calendar days (a complaint body counts them so).
 */
export function countdownOf(
  timer: { kind: TimerKind; dueAt: Date },
  calendar: BusinessCalendar,
  now = new Date(),
): Countdown {
  const measure = timer.kind === "regulator_eligibility" ? "calendar" : "business";
  return countdownTo(timer.dueAt, calendar, now, measure);
}

/** Each listed case's soonest pending deadline (cases without one are left out). */
export async function nextDeadlines(
  db: Executor,
  userId: string,
  caseIds: string[],
  calendar: BusinessCalendar,
  now = new Date(),
): Promise<Map<string, Deadline>> {
  if (caseIds.length === 0) return new Map<string, Deadline>();
  return soonestOfEachCase(await listPendingDeadlines(db, userId, caseIds), calendar, now);
}

function soonestOfEachCase(
  pending: readonly { id: string; caseId: string; kind: TimerKind; dueAt: Date }[],
  calendar: BusinessCalendar,
  now: Date,
) {
  const next = new Map<string, Deadline>();
  // Sorted by due date: the first timer of each case is its soonest.
  for (const timer of pending) {
    if (!next.has(timer.caseId)) next.set(timer.caseId, deadlineOf(timer, calendar, now));
  }
  return next;
}
