import type { Database, Executor } from "@caseward/db";
import { preparedQuery, readJsonRow, sql } from "@caseward/db";
import { timers } from "@caseward/db/schema";
import type { TimerKind } from "@caseward/db/vocabulary";

import type { BusinessCalendar, Countdown } from "../calendar";
import { countdownTo } from "../calendar";
import { calendarOf, settingsFromJson, settingsJson } from "../settings/settings-service";
import {
  listPendingDeadlines,
  pendingDeadlineColumns,
  pendingDeadlinesJson,
} from "./timer-service";

/** A pending timer as the user sees it: what it is, when, and how long is left. */
export interface Deadline {
  id: string;
  kind: TimerKind;
  dueAt: Date;
  countdown: Countdown;
}

/**
 * The countdown of a timer: business time in the user's calendar, except the regulator clock,
 * whose days are calendar days (a complaint body counts them so).
 */
export function deadlineOf(
  timer: { id: string; kind: TimerKind; dueAt: Date },
  calendar: BusinessCalendar,
  now = new Date(),
): Deadline {
  const measure = timer.kind === "regulator_eligibility" ? "calendar" : "business";
  return {
    id: timer.id,
    kind: timer.kind,
    dueAt: timer.dueAt,
    countdown: countdownTo(timer.dueAt, calendar, now, measure),
  };
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

const userId = sql.placeholder("userId");
// The user's settings and the listed cases' pending deadlines in one round trip.
const listDeadlinesQuery = preparedQuery<{
  settings: Record<string, unknown> | null;
  timers: Record<string, unknown>[];
}>(sql`select ${settingsJson(userId)} as settings,
  ${pendingDeadlinesJson(userId, sql`${timers.caseId} = any(${sql.placeholder("caseIds")}::uuid[])`)} as timers`);

/**
 * `nextDeadlines` of a list (the dashboard's), counted in the user's calendar: the settings
 * and the timers in one statement.
 */
export async function nextDeadlinesOfList(
  db: Database,
  user: string,
  caseIds: string[],
  now = new Date(),
): Promise<Map<string, Deadline>> {
  if (caseIds.length === 0) return new Map<string, Deadline>();
  const [row] = await listDeadlinesQuery(db, { userId: user, caseIds });
  const calendar = calendarOf(settingsFromJson(row?.settings ?? null));
  const pending = (row?.timers ?? []).map((timer) => readJsonRow(pendingDeadlineColumns, timer));
  return soonestOfEachCase(pending, calendar, now);
}
