import type { TimerKind, TimerStatus } from "@caseward/db/vocabulary";

import type { BusinessCalendar } from "../calendar";
import { businessDayLengthMs, businessTimeBetween } from "../calendar";
import { brokenStatuses, deadlineStatus } from "../escalation/deadline-status";

// How a company treats the user, figure by figure (issue 19). Pure: the rows come from SQL
// (./insight-queries.ts), already grouped where Postgres can do it; business time is worked out
// here because it needs the user's calendar (hours, zone, public holidays), which SQL does not know.

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Business days rounded to a tenth: "1.5 business days". */
const toBusinessDays = (ms: number, calendar: BusinessCalendar) =>
  Math.round((ms / businessDayLengthMs(calendar)) * 10) / 10;

/**
 * One wait for an answer: from the first outbound contact after the company last answered, to
 * its next answer (an inbound contact, or the user marking "they answered").
 */
export interface Wait {
  caseId: string;
  askedAt: Date;
  answeredAt: Date;
}

export interface TimeToAnswer {
  /** Median business days from asking to the first answer; null when nothing was answered. */
  medianBusinessDays: number | null;
  /** How many answers it is the median of, and over how many cases. */
  answers: number;
  cases: number;
}

/** Median business time to a first answer, in the user's calendar. */
export function timeToAnswer(waits: readonly Wait[], calendar: BusinessCalendar): TimeToAnswer {
  const spans = waits.map((wait) =>
    Math.max(0, businessTimeBetween(wait.askedAt, wait.answeredAt, calendar)),
  );
  const middle = median(spans);
  return {
    medianBusinessDays: middle === null ? null : toBusinessDays(middle, calendar),
    answers: waits.length,
    cases: new Set(waits.map((wait) => wait.caseId)).size,
  };
}

/** Timers of one kind and status, counted in SQL; `pastDue` = due at or before now. */
export interface TimerTally {
  kind: TimerKind;
  status: TimerStatus;
  pastDue: boolean;
  /** The company answered after the due date (a promise kept late). */
  answeredAfterDue: boolean;
  count: number;
}

export interface DeadlineOutcomes {
  /** Met in time (the company answered, or the user marked it kept). */
  kept: number;
  /** Let pass: it fired, or is due and not yet answered. */
  broken: number;
  /** Of the broken ones, how many the company made good on after the date. */
  keptLate: number;
  /** Not due yet. */
  pending: number;
}

/** What happened to the deadlines of one kind, by the evidence pack's rule (deadlineStatus). */
export function deadlineOutcomes(
  tallies: readonly TimerTally[],
  kind: "response_window" | "promised_follow_up",
  now: Date,
): DeadlineOutcomes {
  const outcome: DeadlineOutcomes = { kept: 0, broken: 0, keptLate: 0, pending: 0 };
  // The rule reads a due date; one at `now` is past, one a millisecond later is not.
  const future = new Date(now.getTime() + 1);
  for (const tally of tallies) {
    if (tally.kind !== kind) continue;
    const status = deadlineStatus({ ...tally, dueAt: tally.pastDue ? now : future }, now);
    if (status === "met") outcome.kept += tally.count;
    else if (status === "upcoming") outcome.pending += tally.count;
    else if (brokenStatuses.includes(status)) {
      outcome.broken += tally.count;
      if (tally.answeredAfterDue) outcome.keptLate += tally.count;
    }
  }
  return outcome;
}

export interface WindowsMissed {
  /** Share of decided response windows the company let pass, 0–1; null when none was decided. */
  share: number | null;
  missed: number;
  /** Windows that are decided: met or missed (not the cancelled or still running ones). */
  decided: number;
}

export function windowsMissed(tallies: readonly TimerTally[], now: Date): WindowsMissed {
  const { kept, broken } = deadlineOutcomes(tallies, "response_window", now);
  const decided = kept + broken;
  return { share: decided === 0 ? null : broken / decided, missed: broken, decided };
}

/** Times a deadline of the company's passed and the case became "escalation due". */
export function escalations(tallies: readonly TimerTally[]): number {
  return tallies
    .filter((t) => t.status === "fired" && t.kind !== "regulator_eligibility")
    .reduce((sum, t) => sum + t.count, 0);
}

export interface TimeToResolution {
  /** Median business days from opening a case to resolving it; null when none is resolved. */
  medianBusinessDays: number | null;
  cases: number;
}

/**
 * Only cases the user resolved count (abandoned ones are the user's choice to give up, not a
 * resolution). A reopened case is open again: it counts once it is resolved again, from the day
 * it was first opened to the last time it was resolved.
 */
export function timeToResolution(
  resolved: readonly { openedAt: Date; closedAt: Date }[],
  calendar: BusinessCalendar,
): TimeToResolution {
  const spans = resolved.map((c) =>
    Math.max(0, businessTimeBetween(c.openedAt, c.closedAt, calendar)),
  );
  const middle = median(spans);
  return {
    medianBusinessDays: middle === null ? null : toBusinessDays(middle, calendar),
    cases: resolved.length,
  };
}

/** Contacts per resolved case, to a tenth; null when none is resolved. */
export function contactsPerResolvedCase(contacts: number, resolvedCases: number): number | null {
  return resolvedCases === 0 ? null : Math.round((contacts / resolvedCases) * 10) / 10;
}
