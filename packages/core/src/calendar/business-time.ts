/**
 * Business-time arithmetic for response windows and other escalation timers
 * (PRODUCT.md, "Escalation rules").
 *
 * Everything is computed on the wall timeline of the user's zone (see zoned-time.ts): a
 * business hour is one hour on the user's clock, so a window that crosses a DST change ends
 * at the same local wall time it would have without the change. Only the result is turned
 * back into a UTC instant.
 */
import type { PublicHolidays } from "./holidays";
import { publicHolidaysFor } from "./holidays";
import {
  assertTimeZone,
  DAY_MS,
  HOUR_MS,
  instantToWall,
  isoWeekday,
  MINUTE_MS,
  wallDay,
  wallToInstant,
  wallToInstants,
} from "./zoned-time";

/** A user's business calendar (the glossary's "business calendar"). */
export interface BusinessCalendar {
  /** IANA time zone the user lives in, e.g. "America/Toronto". */
  timeZone: string;
  /** ISO 3166-1 alpha-2 country whose public holidays apply, e.g. "CA". */
  country: string;
  /** ISO 3166-2 subdivision without the country prefix, e.g. "ON", "NY", "ENG", "NSW". */
  subdivision?: string;
  /** Opening and closing time, "HH:mm" on a 24 h clock ("24:00" allowed as end). Default 09:00–17:00. */
  hours?: { start: string; end: string };
  /**
   * Working weekdays in ISO numbering: 1 = Monday, 2 = Tuesday … 6 = Saturday, 7 = Sunday
   * (not JavaScript's getDay(), where Sunday is 0). Default [1, 2, 3, 4, 5].
   * Sunday–Thursday, as in Israel, is [7, 1, 2, 3, 4].
   */
  workdays?: number[];
}

export const DEFAULT_BUSINESS_HOURS = { start: "09:00", end: "17:00" } as const;
export const DEFAULT_WORKDAYS: readonly number[] = [1, 2, 3, 4, 5];

/**
 * Longest stretch of calendar days any computation may scan (about ten years). Every valid
 * calendar has a business day each week, so this only trips for absurd `days` values or
 * ranges; it turns what would be a hang of the scheduler into a RangeError.
 */
export const MAX_SCAN_DAYS = 3660;

interface ResolvedCalendar {
  timeZone: string;
  holidays: PublicHolidays;
  /** Opening and closing time, ms after local midnight. */
  open: number;
  close: number;
  /** Bit n set when ISO weekday n is a workday. */
  workdayMask: number;
}

const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;

function parseTimeOfDay(text: unknown, label: string): number {
  const match = typeof text === "string" ? TIME_OF_DAY.exec(text) : null;
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (match === null || minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) {
    throw new RangeError(
      `${label} must be a 24-hour time "HH:mm" such as "09:00", got ${JSON.stringify(text)}.`,
    );
  }
  return hour * HOUR_MS + minute * MINUTE_MS;
}

// Validation is repeated on every call (it costs well under a microsecond); the expensive
// parts — the Intl formatter and the holiday data — are cached in their own modules.
function resolveCalendar(calendar: BusinessCalendar): ResolvedCalendar {
  if (calendar === null || typeof calendar !== "object") {
    throw new RangeError("A business calendar { timeZone, country, ... } is required.");
  }
  assertTimeZone(calendar.timeZone);

  const hours = calendar.hours ?? DEFAULT_BUSINESS_HOURS;
  const open = parseTimeOfDay(hours.start, "hours.start");
  const close = parseTimeOfDay(hours.end, "hours.end");
  if (close <= open) {
    throw new RangeError(
      `Business hours must end after they start, got ${hours.start}–${hours.end}.`,
    );
  }

  const workdays = calendar.workdays ?? DEFAULT_WORKDAYS;
  if (!Array.isArray(workdays) || workdays.length === 0) {
    throw new RangeError("workdays must list at least one ISO weekday (1 = Monday … 7 = Sunday).");
  }
  let workdayMask = 0;
  for (const weekday of workdays) {
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw new RangeError(
        `workdays must be ISO weekdays 1 (Monday) … 7 (Sunday), got ${JSON.stringify(weekday)}.`,
      );
    }
    workdayMask |= 1 << weekday;
  }

  return {
    timeZone: calendar.timeZone,
    holidays: publicHolidaysFor(calendar.country, calendar.subdivision),
    open,
    close,
    workdayMask,
  };
}

function instantOf(value: Date, label: string): number {
  const instant = value instanceof Date ? value.getTime() : NaN;
  if (Number.isNaN(instant)) throw new RangeError(`${label} must be a valid Date.`);
  return instant;
}

/**
 * When business hours end on wall day `day` (ms after local midnight). A value <= `open`
 * means the day has no business hours (not a workday, or a public holiday). A holiday that
 * starts mid-day (Iceland's Christmas Eve from 13:00) shortens the day instead.
 */
function closeOf(calendar: ResolvedCalendar, day: number): number {
  if ((calendar.workdayMask & (1 << isoWeekday(day))) === 0) return -1;
  const closedFrom = calendar.holidays.closedFrom(day);
  return closedFrom === undefined ? calendar.close : Math.min(calendar.close, closedFrom);
}

/** Length of one business day of `calendar` in ms (09:00–17:00 -> 8 h). */
export function businessDayLengthMs(calendar: BusinessCalendar): number {
  const resolved = resolveCalendar(calendar);
  return resolved.close - resolved.open;
}

/**
 * Whether the local calendar date of `date` (in `calendar.timeZone`) has business hours:
 * a workday that is not an all-day public holiday. The time of day is ignored.
 */
export function isBusinessDay(date: Date, calendar: BusinessCalendar): boolean {
  const instant = instantOf(date, "date");
  const resolved = resolveCalendar(calendar);
  return closeOf(resolved, wallDay(instantToWall(instant, resolved.timeZone))) > resolved.open;
}

/**
 * The instant at which `days` business days have passed since `start`.
 *
 * N days = N × (length of one business day) of business hours, counted on the user's wall
 * clock, skipping non-workdays, public holidays and time outside business hours.
 * - A start outside business hours counts from the next opening (Saturday 10:00 + 2 days ->
 *   Tuesday 17:00).
 * - A result that lands exactly on a closing time stays there (Tuesday 17:00, not Wednesday
 *   09:00): the window is used up at the end of that day.
 * - `days` may be fractional (0.5 = half a business day). `days` = 0 gives `start` itself
 *   when it is inside business hours ([opening, closing) — a start exactly at closing time
 *   is outside), otherwise the next opening.
 * - Should the wall-clock result not exist or happen twice (only possible when business
 *   hours include a DST change), it resolves as in `wallToInstant`, never before `start`.
 *
 * Throws a RangeError for an invalid start, negative/NaN/infinite `days`, an invalid calendar,
 * or when no result is found within MAX_SCAN_DAYS calendar days.
 */
export function dueAfterBusinessDays(start: Date, days: number, calendar: BusinessCalendar): Date {
  const startInstant = instantOf(start, "start");
  if (typeof days !== "number" || !Number.isFinite(days) || days < 0) {
    throw new RangeError(`days must be a finite number >= 0, got ${String(days)}.`);
  }
  const resolved = resolveCalendar(calendar);
  const { timeZone, open } = resolved;

  // Whole milliseconds, so fractional days cannot leave float dust on the result.
  let remaining = Math.round(days * (resolved.close - open));
  const startWall = instantToWall(startInstant, timeZone);
  let day = wallDay(startWall);
  let from = startWall - day * DAY_MS;

  for (let scanned = 0; scanned < MAX_SCAN_DAYS; scanned++, day++, from = 0) {
    const close = closeOf(resolved, day);
    const begin = Math.max(from, open);
    if (begin >= close) continue;
    const available = close - begin;
    // `<=`: a window used up exactly at closing time ends at that closing time.
    if (remaining <= available)
      return new Date(
        instantAfter(day * DAY_MS + begin + remaining, startInstant, startWall, timeZone),
      );
    remaining -= available;
  }
  throw new RangeError(
    `No due date within ${MAX_SCAN_DAYS} calendar days of ${start.toISOString()} for ${days} business days; is the number of days sensible?`,
  );
}

/** The instant for `wall`, never earlier than `startInstant` (whose wall time is `startWall`). */
function instantAfter(
  wall: number,
  startInstant: number,
  startWall: number,
  timeZone: string,
): number {
  // Zero business time: hand back the caller's own instant, even in a fall-back overlap
  // where its wall time is ambiguous.
  if (wall === startWall) return startInstant;
  const instants = wallToInstants(wall, timeZone);
  const later = instants.find((instant) => instant >= startInstant);
  return Math.max(later ?? wallToInstant(wall, timeZone), startInstant);
}

/**
 * Business milliseconds between two instants: the part of [from, to) that lies inside
 * business hours, measured on the wall clock like `dueAfterBusinessDays`, so
 * `businessTimeBetween(s, dueAfterBusinessDays(s, n, c), c) === n × businessDayLengthMs(c)`
 * (rounded to the ms). Divide by `businessDayLengthMs` for "waited N business days".
 * Negative when `to` is before `from` (handy for countdowns that have run out).
 */
export function businessTimeBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const fromInstant = instantOf(from, "from");
  const toInstant = instantOf(to, "to");
  const resolved = resolveCalendar(calendar);
  if (toInstant < fromInstant) return -elapsedBusinessTime(resolved, toInstant, fromInstant);
  return elapsedBusinessTime(resolved, fromInstant, toInstant);
}

function elapsedBusinessTime(
  calendar: ResolvedCalendar,
  fromInstant: number,
  toInstant: number,
): number {
  const fromWall = instantToWall(fromInstant, calendar.timeZone);
  const toWall = instantToWall(toInstant, calendar.timeZone);
  // Inside a fall-back overlap a later instant can read earlier on the clock.
  if (toWall <= fromWall) return 0;
  const firstDay = wallDay(fromWall);
  const lastDay = wallDay(toWall);
  if (lastDay - firstDay > MAX_SCAN_DAYS) {
    throw new RangeError(
      `businessTimeBetween spans more than ${MAX_SCAN_DAYS} days; refusing to scan.`,
    );
  }
  let total = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const close = closeOf(calendar, day);
    if (close <= calendar.open) continue;
    const begin = Math.max(day * DAY_MS + calendar.open, fromWall);
    const end = Math.min(day * DAY_MS + close, toWall);
    if (end > begin) total += end - begin;
  }
  return total;
}
