import type { Database } from "@caseward/db";
import type { CaseStatus } from "@caseward/db/vocabulary";
import { caseStatuses } from "@caseward/db/vocabulary";
import type { z } from "zod";

import { fromDateTimeInput, isoDayIn } from "../calendar";
import { closedStatuses } from "../cases/status";
import type { Deadline } from "../escalation/deadlines";
import { deadlineOf } from "../escalation/deadlines";
import { defaultSettings } from "../settings/schemas";
import { calendarOf } from "../settings/settings-service";
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

const keptShare = (p: DeadlineOutcomes) => p.kept / (p.kept + p.broken);

// Each user's time zone as last read, so that the figures (whose months and period are the
// zone's) and the settings come in one round trip: the statement reads the settings too, and
// runs once more should the zone have changed meanwhile (another process, the first visit).
const zoneByUser = new Map<string, string>();
/** Users whose zone is remembered at most; past it the memory starts again. */
const MAX_ZONES = 10_000;

const groups = ["monthly", "counts", "waits", "tallies", "deadlines", "settings"] as const;

/** The statement's rows over `filter` for a user in `timeZone`, and the months they cover. */
async function figuresIn(
  db: Database,
  userId: string,
  filter: z.output<typeof insightsInput>,
  timeZone: string,
  now: Date,
) {
  const toMonth = isoDayIn(now, timeZone).slice(0, 7);
  const fromMonth =
    filter.period === "all"
      ? addMonths(toMonth, -(MAX_MONTHS - 1))
      : addMonths(toMonth, -(periodMonths[filter.period] - 1));
  const months: string[] = [];
  for (let month = fromMonth; month <= toMonth; month = addMonths(month, 1)) months.push(month);
  // When each month begins on the user's clock, then when the last one ends.
  const monthStarts = [...months, addMonths(toMonth, 1)].map((month) =>
    fromDateTimeInput(`${month}-01T00:00`, timeZone)!,
  );
  const scope: CaseScope = {
    companyId: filter.companyId,
    statuses: statusesOf[filter.status],
    // From the first day of the first month, on the user's clock: the cases alive since, and
    // only their events since.
    from: filter.period === "all" ? undefined : monthStarts[0],
  };
  const rows = await selectFigures(db, userId, scope, groups, {
    now,
    monthStarts,
    deadlines: DEADLINES_SHOWN,
  });
  return { timeZone, toMonth, fromMonth, months, rows };
}

/** The insights page: every figure over the user's cases that the filters select. */
export async function getInsights(
  db: Database,
  userId: string,
  input: z.input<typeof insightsInput>,
  now = new Date(),
): Promise<Insights> {
  const filter = insightsInput.parse(input);
  const guess = zoneByUser.get(userId) ?? defaultSettings.timeZone;
  let figures = await figuresIn(db, userId, filter, guess, now);
  const settings = figures.rows.settings;
  if (settings.timeZone !== guess) {
    figures = await figuresIn(db, userId, filter, settings.timeZone, now);
    if (zoneByUser.size >= MAX_ZONES) zoneByUser.clear();
    zoneByUser.set(userId, settings.timeZone);
  }
  const { timeZone, toMonth, months: shown } = figures;
  let { fromMonth } = figures;
  const { monthly, counts, waits, tallies, deadlines: open } = figures.rows;
  const calendar = { ...calendarOf(figures.rows.settings), timeZone };

  // A bucket outside the months shown (before them, or after the current one) is named by its
  // earliest event's month: only the "all" period looks at those, for the first month.
  const monthOf = (row: (typeof monthly)[number]) =>
    shown[row.bucket - 1] ?? isoDayIn(row.firstAt, timeZone).slice(0, 7);
  const values = new Map<string, number>();
  for (const row of monthly) values.set(`${row.series} ${monthOf(row)}`, row.value);
  if (filter.period === "all") {
    const first = monthly.map(monthOf).sort()[0];
    if (first && first > fromMonth) fromMonth = first;
    if (!first) fromMonth = toMonth;
  }
  const months: MonthFigures[] = [];
  for (let month = fromMonth; month <= toMonth; month = addMonths(month, 1)) {
    const value = (series: string) => values.get(`${series} ${month}`) ?? 0;
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
    timeZone,
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
