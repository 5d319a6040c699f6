import type { TimerKind, TimerStatus } from "@caseward/db/vocabulary";

/**
 * Where a deadline stands, for the evidence pack and the report card. The regulator clock is not
 * the company's deadline: once its date has passed the user may complain, so it is "reached",
 * never "missed".
 */
export type DeadlineStatus = "met" | "missed" | "cancelled" | "upcoming" | "overdue" | "reached";

export function deadlineStatus(
  timer: { kind: TimerKind; status: TimerStatus; dueAt: Date },
  now: Date,
): DeadlineStatus {
  if (timer.status === "satisfied") return "met";
  if (timer.status === "cancelled") return "cancelled";
  const past = timer.status === "fired" || timer.dueAt <= now;
  if (timer.kind === "regulator_eligibility") return past ? "reached" : "upcoming";
  if (timer.status === "fired") return "missed";
  return past ? "overdue" : "upcoming";
}

/** A deadline the company let pass: missed (it fired) or overdue (it is about to). */
export const brokenStatuses: readonly DeadlineStatus[] = ["missed", "overdue"];
