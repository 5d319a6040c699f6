/**
 * Wall-clock <-> UTC conversion for IANA time zones, using only Intl (no date library).
 *
 * The business calendar does all of its arithmetic on a zone-less "wall timeline": a local
 * date/time is represented as the number of milliseconds that `Date.UTC` would give for the
 * same fields ("2026-03-08 02:30" -> Date.UTC(2026, 2, 8, 2, 30)). On that timeline every day is
 * exactly 24 h long, so adding "8 business hours" never drifts when a DST change happens in
 * between; only the final wall time is converted back to a real instant.
 */

/** Milliseconds on the wall timeline (local fields encoded as if they were UTC). */
export type WallMs = number;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

// Creating an Intl.DateTimeFormat costs ~20x more than formatting with one, and this runs
// for 10,000s of timers, so keep one formatter per zone (the set of valid zones is finite;
// invalid names throw before they are cached).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    if (typeof timeZone !== "string" || timeZone.trim() === "") {
      throw new RangeError(
        `Unknown time zone ${JSON.stringify(timeZone)}: expected an IANA name such as "America/Toronto".`,
      );
    }
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        // h23 so midnight is "00", never "24" (older ICU quirk with hour12: false).
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new RangeError(
        `Unknown time zone ${JSON.stringify(timeZone)}: expected an IANA name such as "America/Toronto".`,
      );
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/**
 * Date.UTC for the given fields, without Date.UTC's "years 0–99 mean 1900–1999" quirk.
 * Month is 1-based. Out-of-range fields roll over like Date.UTC does (hour 24 = next day).
 */
export function wallFromFields(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): WallMs {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

// "11/28/2026, 12:34:49" — the en-US shape. format() + a regex is ~4x faster than
// formatToParts(); formatToParts stays as a fallback should an ICU update change the shape.
const EN_US_SHAPE = /^(\d{1,2})\/(\d{1,2})\/(\d{1,6}),? (\d{1,2}):(\d{2}):(\d{2})$/;

function localFields(
  instant: number,
  timeZone: string,
): [number, number, number, number, number, number] {
  const formatter = formatterFor(timeZone);
  const match = EN_US_SHAPE.exec(formatter.format(instant));
  if (match !== null) {
    return [
      Number(match[3]),
      Number(match[1]),
      Number(match[2]),
      Number(match[4]) % 24,
      Number(match[5]),
      Number(match[6]),
    ];
  }
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return [
    fields.year ?? NaN,
    fields.month ?? NaN,
    fields.day ?? NaN,
    (fields.hour ?? NaN) % 24,
    fields.minute ?? NaN,
    fields.second ?? NaN,
  ];
}

/** The wall time of `instant` as Intl reads it: one format() call. */
function readWall(instant: number, timeZone: string): WallMs {
  // Intl works in whole seconds; carry the milliseconds over unchanged (no zone has a
  // sub-second offset).
  const ms = ((instant % 1000) + 1000) % 1000;
  const [year, month, day, hour, minute, second] = localFields(instant - ms, timeZone);
  return wallFromFields(year, month, day, hour, minute, second, ms);
}

// Each zone's offset by UTC day, learnt from Intl: a day whose first and last second read the
// same offset has that offset throughout, since a zone changes at most once a day (as
// wallToInstants assumes); a day with a change is marked NaN and read by Intl instant by
// instant. A format() call costs ~1 µs, and the insights page converts hundreds of instants a
// request (business time per wait, issue 19); a day's offset is shared by every user of the zone.
const offsetsByDay = new Map<string, Map<number, number>>();
/** Days remembered per zone (about 27 years); the map starts again past it. */
const MAX_DAYS_PER_ZONE = 10_000;

/** The instant (epoch ms) as wall-clock time in `timeZone`, on the wall timeline. */
export function instantToWall(instant: number, timeZone: string): WallMs {
  let offsets = offsetsByDay.get(timeZone);
  if (offsets === undefined) {
    assertTimeZone(timeZone);
    offsets = new Map();
    offsetsByDay.set(timeZone, offsets);
  }
  const day = Math.floor(instant / DAY_MS);
  let offset = offsets.get(day);
  if (offset === undefined) {
    const start = day * DAY_MS;
    const first = readWall(start, timeZone) - start;
    const last = readWall(start + DAY_MS - 1000, timeZone) - (start + DAY_MS - 1000);
    offset = first === last ? first : NaN;
    if (offsets.size >= MAX_DAYS_PER_ZONE) offsets.clear();
    offsets.set(day, offset);
  }
  return Number.isNaN(offset) ? readWall(instant, timeZone) : instant + offset;
}

/** UTC offset (wall minus instant, in ms) of `timeZone` at `instant`. */
export function offsetAt(instant: number, timeZone: string): number {
  return instantToWall(instant, timeZone) - instant;
}

/**
 * Every instant whose wall time in `timeZone` is `wall`, earliest first:
 * one normally, two in a fall-back overlap, none in a spring-forward gap.
 */
export function wallToInstants(wall: WallMs, timeZone: string): number[] {
  // Offsets a day either side bracket any single transition (zones change at most once a
  // day), so the only possible answers are `wall - before` and `wall - after`.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates =
    before === after ? [wall - before] : [wall - before, wall - after].sort((a, b) => a - b);
  return candidates.filter((instant) => instantToWall(instant, timeZone) === wall);
}

/**
 * The instant for a wall time, resolved like Temporal's "compatible" disambiguation so the
 * result is deterministic:
 *  - fall-back overlap (the time happens twice): the earlier instant;
 *  - spring-forward gap (the time never happens): shifted forward by the gap length
 *    (02:30 on a 02:00->03:00 night becomes 03:30 in the new offset).
 */
export function wallToInstant(wall: WallMs, timeZone: string): number {
  const instants = wallToInstants(wall, timeZone);
  const first = instants[0];
  if (first !== undefined) return first;
  // Gap: interpret the wall time with the offset in force before the transition.
  return wall - offsetAt(wall - DAY_MS, timeZone);
}

const WALL_TEXT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Parses "YYYY-MM-DD HH:mm[:ss]" (space or T) into wall ms. Throws RangeError otherwise. */
export function parseWallTime(text: string): WallMs {
  const match = WALL_TEXT.exec(text);
  if (match === null)
    throw new RangeError(
      `Expected a local time like "2026-11-27 16:00", got ${JSON.stringify(text)}.`,
    );
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall = wallFromFields(year, month, day, hour, minute, second);
  // Reject rollovers such as 2026-02-30 or 25:00 instead of silently moving the date.
  if (
    formatWallTime(wall, true) !==
    `${match[1]}-${match[2]}-${match[3]} ${match[4]}:${match[5]}:${match[6] ?? "00"}`
  ) {
    throw new RangeError(`Not a valid local time: ${JSON.stringify(text)}.`);
  }
  return wall;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** Formats wall ms as "YYYY-MM-DD HH:mm" (with ":ss" when `withSeconds` or seconds are non-zero). */
export function formatWallTime(wall: WallMs, withSeconds = false): string {
  const date = new Date(wall);
  const base = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  return withSeconds || date.getUTCSeconds() !== 0 ? `${base}:${pad(date.getUTCSeconds())}` : base;
}

/** "2026-11-27 16:00" in `timeZone` -> Date (gap/overlap resolved as in `wallToInstant`). */
export function zonedDate(text: string, timeZone: string): Date {
  return new Date(wallToInstant(parseWallTime(text), timeZone));
}

/** Date -> "2026-11-27 16:00" as read on a clock in `timeZone`. */
export function formatInZone(date: Date, timeZone: string): string {
  return formatWallTime(instantToWall(date.getTime(), timeZone));
}

/** Day number on the wall timeline (0 = 1970-01-01), i.e. the local calendar date. */
export function wallDay(wall: WallMs): number {
  return Math.floor(wall / DAY_MS);
}

/** ISO weekday of a wall day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
