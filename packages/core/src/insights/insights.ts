import type { Database } from "@caseward/db";
import { preparedQuery, sql } from "@caseward/db";
import type { CaseStatus } from "@caseward/db/vocabulary";
import { caseStatuses } from "@caseward/db/vocabulary";
import type { z } from "zod";

import { fromDateTimeInput, isoDayIn } from "../calendar";
import { closedStatuses } from "../cases/status";
import type { Deadline } from "../escalation/deadlines";
import { deadlineOf } from "../escalation/deadlines";
import { calendarOf, settingsFromJson, settingsJson } from "../settings/settings-service";
import type { DeadlineOutcomes, TimeToAnswer, WindowsMissed } from "./figures";
import { deadlineOutcomes, timeToAnswer, windowsMissed } from "./figures";
import type { CaseScope } from "./insight-queries";
import { selectFigures } from "./insight-queries";
import type { InsightPeriod, InsightStatus } from "./schemas";
import { insightsInput } from "./schemas";

/** How many open deadlines the page lists: the closest (or most overdue) first. */
export const DEADLINES_SHOWN = 10;
/** "All time" charts at most this many months back. */
export const MAX_MONTHS = 36;

const periodMonths: Record<Exclude<InsightPeriod, "all">, number> = { "3m": 3, "6m": 6, "12m": 12 };

const statusesOf: Record<InsightStatus, readonly CaseStatus[] | undefined> = {
  all: undefined,
  active: caseStatuses.filter((status) => !closedStatuses.includes(status)),
  resolved: ["resolved"],
  abandoned: ["abandoned"],
};

/** "2026-03" plus `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (number - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export interface MonthFigures {
  month: string;
  opened: number;
  resolved: number;
  talkMinutes: number;
}

export interface CompanyRanking {
  companyId: string;
  name: string;
  cases: number;
  since: Date;
  timeToAnswer: TimeToAnswer;
  windowsMissed: WindowsMissed;
  promises: DeadlineOutcomes;
}

export interface Insights {
  /** The first month shown ("2026-01"), in the user's calendar, and the current one. */
  fromMonth: string;
  toMonth: string;
  timeZone: string;
  months: MonthFigures[];
  companies: CompanyRanking[];
  /** Companies with an answered wait, quickest median first. */
  byTimeToAnswer: CompanyRanking[];
  /** Companies with a decided promise, best share kept first. */
  byPromisesKept: CompanyRanking[];
  deadlines: (Deadline & {
    caseId: string;
    caseTitle: string;
    companyName: string;
    passed: boolean;
  })[];
}

// The settings as a prepared statement of their own: drizzle's query builder cost the web server
// more CPU per request than the row (issue 19's bench).
const settingsQuery = preparedQuery<{ settings: Record<string, unknown> | null }>(
  sql`select ${settingsJson(sql.placeholder("userId"))} as settings`,
);

const keptShare = (p: DeadlineOutcomes) => p.kept / (p.kept + p.broken);

/** The insights page: every figure over the user's cases that the filters select. */
export async function getInsights(
  db: Database,
  userId: string,
  input: z.input<typeof insightsInput>,
  now = new Date(),
): Promise<Insights> {
  const filter = insightsInput.parse(input);
  const [row] = await settingsQuery(db, { userId });
  const settings = settingsFromJson(row?.settings ?? null);
  const calendar = calendarOf(settings);
  const toMonth = isoDayIn(now, settings.timeZone).slice(0, 7);
  let fromMonth =
    filter.period === "all"
      ? addMonths(toMonth, -(MAX_MONTHS - 1))
      : addMonths(toMonth, -(periodMonths[filter.period] - 1));
  const scope: CaseScope = {
    companyId: filter.companyId,
    statuses: statusesOf[filter.status],
    // From the first day of the first month, on the user's clock: the cases alive since, and
    // only their events since.
    from:
      filter.period === "all"
        ? undefined
        : fromDateTimeInput(`${fromMonth}-01T00:00`, settings.timeZone),
  };
  const {
    monthly,
    counts,
    waits,
    tallies,
    deadlines: open,
  } = await selectFigures(
    db,
    userId,
    scope,
    ["monthly", "counts", "waits", "tallies", "deadlines"],
    { now, timeZone: settings.timeZone, deadlines: DEADLINES_SHOWN },
  );

  if (filter.period === "all") {
    const first = monthly.map((row) => row.month).sort()[0];
    if (first && first > fromMonth) fromMonth = first;
    if (!first) fromMonth = toMonth;
  }
  const months: MonthFigures[] = [];
  for (let month = fromMonth; month <= toMonth; month = addMonths(month, 1)) {
    const value = (series: string) =>
      monthly.find((row) => row.series === series && row.month === month)?.value ?? 0;
    months.push({
      month,
      opened: value("opened"),
      resolved: value("resolved"),
      talkMinutes: Math.round(value("talk_seconds") / 60),
    });
  }

  const companies = counts.map((company): CompanyRanking => ({
    companyId: company.companyId,
    name: company.companyName,
    cases: company.cases,
    since: company.since,
    timeToAnswer: timeToAnswer(
      waits.filter((wait) => wait.companyId === company.companyId),
      calendar,
    ),
    windowsMissed: windowsMissed(
      tallies.filter((t) => t.companyId === company.companyId),
      now,
    ),
    promises: deadlineOutcomes(
      tallies.filter((t) => t.companyId === company.companyId),
      "promised_follow_up",
      now,
    ),
  }));
  const byName = (a: CompanyRanking, b: CompanyRanking) => a.name.localeCompare(b.name);
  return {
    fromMonth,
    toMonth,
    timeZone: settings.timeZone,
    months,
    companies,
    byTimeToAnswer: companies
      .filter((c) => c.timeToAnswer.medianBusinessDays !== null)
      .sort(
        (a, b) =>
          a.timeToAnswer.medianBusinessDays! - b.timeToAnswer.medianBusinessDays! || byName(a, b),
      ),
    byPromisesKept: companies
      .filter((c) => c.promises.kept + c.promises.broken > 0)
      .sort((a, b) => keptShare(b.promises) - keptShare(a.promises) || byName(a, b)),
    deadlines: open.map((timer) => ({
      ...deadlineOf(timer, calendar, now),
      caseId: timer.caseId,
      caseTitle: timer.caseTitle,
      companyName: timer.companyName,
      passed: timer.status === "fired" || timer.dueAt <= now,
    })),
  };
}
