/**
 * How Caseward writes a time for a person: on the user's clock (the zone of their settings,
 * not the zone of the device or the server), in the style of their locale, with the zone's
 * abbreviation wherever the reader might be on another clock. Pages (rendered on the server
 * and again in the browser), emails, the evidence pack and the calendar feed all format here,
 * so the same instant reads the same everywhere. Pure and client-safe (Intl only).
 */
import { createTranslator } from "use-intl/core";

import type { Locale } from "../i18n/locale";
import clockEn from "../i18n/messages/en/Clock.json" with { type: "json" };
import clockFr from "../i18n/messages/fr-CA/Clock.json" with { type: "json" };
import {
  DAY_MS,
  formatWallTime,
  HOUR_MS,
  offsetAt,
  parseWallTime,
  wallToInstant,
} from "./zoned-time";

/**
 * A zone's offsets over a span of years as this server's time-zone data has them. Pages format
 * with it in the browser too, so the server and the browser write the same time even when
 * their data differ (tzdata changes: newer data keeps British Columbia on daylight time from
 * November 2026, older data does not), and what the server counts a deadline in is what the
 * page shows.
 */
export interface ZoneTimeline {
  /** Stretches with one offset (wall minus instant, ms), oldest first; the first starts the span. */
  segments: { from: number; offset: number; abbreviation: string }[];
  /** End of the span (exclusive): later instants fall back on the runtime's own data. */
  until: number;
}

/** Whose clock a time is read on. */
export interface UserClock {
  /** The user's IANA zone, from their settings. */
  timeZone: string;
  /** The style of dates, a BCP 47 tag such as "en-CA" (see `localeOfCountry`). */
  locale: string;
  /**
   * The zone of the device showing the time, when known (a page in a browser). Left out for
   * emails and documents, which always name the zone: nobody knows where they will be read.
   */
  deviceZone?: string;
  /** The server's offsets of `timeZone` (pages; see ZoneTimeline). */
  timeline?: ZoneTimeline;
  /** The server's offsets of `deviceZone`, when the server knew it. */
  deviceTimeline?: ZoneTimeline;
  /**
   * The device's own offset at an instant (wall minus instant, ms), when a browser reads it from
   * its `Date`: it then decides, instant by instant, whether the zone is named, without the
   * device zone's name (reading that name costs a browser its first `Intl.DateTimeFormat`).
   */
  deviceOffset?: (instant: number) => number;
}

const locales = new Map<string, string>();

/**
 * Dates in the user's language and the conventions of their country ("5:00 p.m." in English
 * Canada, "17 h 00" in French Canada, "17:00" in France). Derived from the settings rather than
 * the browser so the server, the browser and the emails agree; Intl falls back to the bare
 * language for a country it has no data for in that language.
 */
export function localeOfCountry(country: string | null | undefined, language = "en"): string {
  const tag = `${language.split("-")[0]}-${country ?? "US"}`;
  let locale = locales.get(tag);
  if (locale === undefined) {
    try {
      locale = new Intl.DateTimeFormat(tag).resolvedOptions().locale;
    } catch {
      locale = "en";
    }
    locales.set(tag, locale);
  }
  return locale;
}

/** The clock of a user's settings (zone, country and language). */
export function clockOf(
  settings: { timeZone: string; country: string; locale?: string },
  deviceZone?: string,
): UserClock {
  return {
    timeZone: settings.timeZone,
    locale: localeOfCountry(settings.country, settings.locale),
    ...(deviceZone ? { deviceZone } : {}),
  };
}

// ICU writes a narrow no-break space before "PM" in some versions and a plain one in others;
// plain spaces read the same, survive every email client and PDF font, and keep the text a
// server renders identical to the text a browser renders.
const unusualSpaces = /[\u00a0\u202f]/g;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

// French writes the hour without a leading zero ("9 h 00", as the OQLF does), where ICU's
// fr-CA pattern gives "09 h 00" even for `hour: "numeric"`.
const hourWithoutZero = (locale: string) => /^fr(?:$|[-_])/i.test(locale);

/**
 * `date` in the formatter's style, with plain spaces, French hours without a leading zero and,
 * when given, `zoneName` for the zone's own short name.
 */
function writeWith(
  format: Intl.DateTimeFormat,
  date: Date,
  locale: string,
  zoneName?: string,
): string {
  const unpadded = hourWithoutZero(locale);
  if (!unpadded && zoneName === undefined) return format.format(date).replace(unusualSpaces, " ");
  return format
    .formatToParts(date)
    .map((part) =>
      part.type === "timeZoneName" && zoneName !== undefined
        ? zoneName
        : part.type === "hour" && unpadded
          ? part.value.replace(/^0(?=\d)/, "")
          : part.value,
    )
    .join("")
    .replace(unusualSpaces, " ");
}

const write = (date: Date, locale: string, options: Intl.DateTimeFormatOptions) =>
  writeWith(formatter(locale, options), date, locale);

function segmentAt(timeline: ZoneTimeline | undefined, instant: number) {
  const segments = timeline?.segments;
  if (!timeline || !segments?.[0] || instant < segments[0].from || instant >= timeline.until) {
    return undefined;
  }
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (segments[middle]!.from <= instant) low = middle;
    else high = middle - 1;
  }
  return segments[low];
}

/** The zone's offset at `instant`: from the server's timeline when it covers it, else Intl. */
function offsetOn(instant: number, timeZone: string, timeline?: ZoneTimeline): number {
  return segmentAt(timeline, instant)?.offset ?? offsetAt(instant, timeZone);
}

const SECOND_MS = 1000;

/** The zone's offsets from `from` to `until`, with their abbreviations in `locale`. */
export function zoneTimeline(
  timeZone: string,
  locale: string,
  from: number,
  until: number,
): ZoneTimeline {
  const segment = (start: number) => ({
    from: start,
    offset: offsetAt(start, timeZone),
    abbreviation: zoneAbbreviation(new Date(start), timeZone, locale),
  });
  const segments = [segment(from)];
  // Offsets change at most a few times a year, never twice in a week (Morocco's Ramadan
  // pause, the shortest, lasts about a month): look week by week, then to the second.
  const week = 7 * DAY_MS;
  for (let step = from + week; step < until + week; step += week) {
    const end = Math.min(step, until);
    const last = segments.at(-1)!;
    if (offsetAt(end, timeZone) === last.offset) continue;
    // The change is after `low` and at or before `high`; zones change on a whole second.
    let low = Math.max(last.from, end - week);
    let high = end;
    while (high - low > SECOND_MS) {
      const middle = low + Math.floor((high - low) / 2 / SECOND_MS) * SECOND_MS;
      if (offsetAt(middle, timeZone) === last.offset) low = middle;
      else high = middle;
    }
    segments.push(segment(high));
  }
  return { segments, until };
}

/**
 * The instant as a date whose UTC fields are its wall time on the zone's clock, with the
 * zone's abbreviation then: what every format below writes.
 */
function onClock(date: Date, timeZone: string, timeline?: ZoneTimeline) {
  const instant = date.getTime();
  const segment = segmentAt(timeline, instant);
  if (segment) {
    return { wall: new Date(instant + segment.offset), abbreviation: segment.abbreviation };
  }
  return { wall: new Date(instant + offsetAt(instant, timeZone)), abbreviation: null };
}

/** Writes `date` on the clock, naming the zone when `named`. */
function writeOnClock(
  date: Date,
  clock: Pick<UserClock, "timeZone" | "locale" | "timeline">,
  options: Intl.DateTimeFormatOptions,
  named: boolean,
): string {
  const { wall, abbreviation } = onClock(date, clock.timeZone, clock.timeline);
  if (!named) return write(wall, clock.locale, { ...options, timeZone: "UTC" });
  if (abbreviation === null) {
    return write(date, clock.locale, {
      ...options,
      timeZone: clock.timeZone,
      timeZoneName: "short",
    });
  }
  // The locale decides where the zone goes; the timeline decides what it is called.
  const format = formatter(clock.locale, { ...options, timeZone: "UTC", timeZoneName: "short" });
  return writeWith(format, wall, clock.locale, abbreviation);
}

/** Options shared by the date formats: documents always name the year, pages when it is not this one. */
export interface DateOptions {
  /** When given, the year is left out for dates in the same year as `now` on the user's clock. */
  now?: Date | number;
}

function withYear(
  date: Date,
  clock: Pick<UserClock, "timeZone" | "timeline">,
  options: DateOptions,
) {
  if (options.now === undefined) return true;
  const yearOf = (instant: Date) =>
    onClock(instant, clock.timeZone, clock.timeline).wall.getUTCFullYear();
  return yearOf(date) !== yearOf(new Date(Number(options.now)));
}

/**
 * Whether the zone's abbreviation goes with a time: always, unless the reader's device is
 * known to show the same wall time as the user's zone at that instant.
 */
export function showsZone(date: Date, clock: UserClock): boolean {
  if (clock.deviceOffset) {
    try {
      const instant = date.getTime();
      return clock.deviceOffset(instant) !== offsetOn(instant, clock.timeZone, clock.timeline);
    } catch {
      return true;
    }
  }
  if (clock.deviceZone === undefined) return true;
  if (clock.deviceZone === clock.timeZone) return false;
  try {
    const instant = date.getTime();
    return (
      offsetOn(instant, clock.deviceZone, clock.deviceTimeline) !==
      offsetOn(instant, clock.timeZone, clock.timeline)
    );
  } catch {
    return true;
  }
}

/** The day's part of every format: "Tue, Dec 8", with the year when it is needed. */
const dayParts = (
  date: Date,
  clock: UserClock,
  options: DateOptions,
): Intl.DateTimeFormatOptions => ({
  weekday: "short",
  month: "short",
  day: "numeric",
  ...(withYear(date, clock, options) ? { year: "numeric" } : {}),
});

/** "Tue, Dec 8, 5:00 p.m. EST": the one way a moment is written across the product. */
export function formatDateTime(date: Date, clock: UserClock, options: DateOptions = {}): string {
  const parts = { ...dayParts(date, clock, options), hour: "numeric", minute: "2-digit" } as const;
  return writeOnClock(date, clock, parts, showsZone(date, clock));
}

/** "Tue, Dec 8": the day a moment falls on, on the user's clock. */
export function formatDate(date: Date, clock: UserClock, options: DateOptions = {}): string {
  return writeOnClock(date, clock, dayParts(date, clock, options), false);
}

/** "5:00 p.m. EST": the time of day on the user's clock. */
export function formatTime(date: Date, clock: UserClock): string {
  return writeOnClock(date, clock, { hour: "numeric", minute: "2-digit" }, showsZone(date, clock));
}

/** One part of a written time of day: text as it is, or a field filled in for each time. */
export type TimePart = { literal: string } | { field: "hour" | "minute" | "dayPeriod" | "zone" };

/** One way of writing a time of day: its parts, and its fields' text for each wall hour. */
export interface TimeShape {
  parts: TimePart[];
  /** The hour field's text and the day period's ("p.m.", or "") for each wall hour, 0 to 23. */
  hours: string[];
  dayPeriods: string[];
}

/**
 * How `formatTime` writes a time of day in a locale, worked out (and checked) on the server, so a
 * browser can write "5:00 p.m. EST" without Intl: a page's first `Intl.DateTimeFormat` loads
 * ICU's data, ~150–300 ms of a 4×-slowed phone's main thread.
 */
export interface TimePattern {
  /** Without the zone, then with it (its name comes from the clock's timeline). */
  plain: TimeShape;
  named: TimeShape;
}

const timeOfDay = { hour: "numeric", minute: "2-digit" } as const;

function fillTime(pattern: TimePattern, wall: Date, zone: string | null): string {
  const hour = wall.getUTCHours();
  const { parts, hours, dayPeriods } = zone === null ? pattern.plain : pattern.named;
  return parts
    .map((part) => {
      if ("literal" in part) return part.literal;
      if (part.field === "hour") return hours[hour]!;
      if (part.field === "minute") return String(wall.getUTCMinutes()).padStart(2, "0");
      if (part.field === "dayPeriod") return dayPeriods[hour]!;
      return (zone ?? "").replace(unusualSpaces, " ");
    })
    .join("");
}

const fields: Partial<Record<string, "hour" | "minute" | "dayPeriod" | "zone">> = {
  hour: "hour",
  minute: "minute",
  dayPeriod: "dayPeriod",
  timeZoneName: "zone",
};

/** The shape `format` writes a time of day in, or null when it is not the same for every hour. */
function timeShape(format: Intl.DateTimeFormat, locale: string): TimeShape | null {
  const unpadded = hourWithoutZero(locale);
  const shape: TimeShape = { parts: [], hours: [], dayPeriods: [] };
  for (let hour = 0; hour < 24; hour++) {
    const written = format.formatToParts(new Date(Date.UTC(2000, 0, 1, hour, 7)));
    const parts: TimePart[] = [];
    for (const part of written) {
      const field = fields[part.type];
      if (part.type === "literal") parts.push({ literal: part.value.replace(unusualSpaces, " ") });
      else if (field) parts.push({ field });
      else return null;
    }
    // Every hour must be written in the same parts, only the fields' text changing.
    if (hour > 0 && JSON.stringify(parts) !== JSON.stringify(shape.parts)) return null;
    shape.parts = parts;
    const hourText = written.find((part) => part.type === "hour")?.value ?? "";
    shape.hours.push(unpadded ? hourText.replace(/^0(?=\d)/, "") : hourText);
    shape.dayPeriods.push(written.find((part) => part.type === "dayPeriod")?.value ?? "");
  }
  return shape;
}

function buildTimePattern(locale: string): TimePattern | null {
  const namedFormat = formatter(locale, { ...timeOfDay, timeZone: "UTC", timeZoneName: "short" });
  const plain = timeShape(formatter(locale, { ...timeOfDay, timeZone: "UTC" }), locale);
  const named = timeShape(namedFormat, locale);
  if (!plain || !named) return null;
  const pattern = { plain, named };
  // Each minute of the day, written both ways, must read as `formatTime` writes it.
  for (let minute = 0; minute < 24 * 60; minute++) {
    const wall = new Date(Date.UTC(2000, 0, 1) + minute * 60_000);
    if (fillTime(pattern, wall, null) !== write(wall, locale, { ...timeOfDay, timeZone: "UTC" })) {
      return null;
    }
    if (fillTime(pattern, wall, "EST") !== writeWith(namedFormat, wall, locale, "EST")) return null;
  }
  return pattern;
}

const timePatterns = new Map<string, TimePattern | null>();

/**
 * The locale's time-of-day pattern (see `TimePattern`), or undefined for a locale whose times
 * it cannot write exactly as `formatTime` does (then the browser formats with Intl). Once per
 * locale.
 */
export function timePattern(locale: string): TimePattern | undefined {
  let pattern = timePatterns.get(locale);
  if (pattern === undefined) {
    try {
      pattern = buildTimePattern(locale);
    } catch {
      pattern = null;
    }
    timePatterns.set(locale, pattern);
  }
  return pattern ?? undefined;
}

/**
 * "5:00 p.m. EST", as `formatTime` writes it, from the locale's pattern and the clock's
 * timeline, with no Intl; undefined when the timeline does not cover the instant (then
 * `formatTime`, with Intl).
 */
export function formatTimeFrom(
  pattern: TimePattern,
  date: Date,
  clock: UserClock,
): string | undefined {
  const segment = segmentAt(clock.timeline, date.getTime());
  if (!segment) return undefined;
  const wall = new Date(date.getTime() + segment.offset);
  return fillTime(pattern, wall, showsZone(date, clock) ? segment.abbreviation : null);
}

/** A calendar date without a time ("2026-11-20", as a date column holds it), in the same style. */
export function formatDay(day: string, clock: UserClock, options: DateOptions = {}): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return formatDate(date, { timeZone: "UTC", locale: clock.locale }, options);
}

/** "EST", "EDT", "GMT+9": the zone's short name at that instant, in the locale's words. */
export function zoneAbbreviation(date: Date, timeZone: string, locale: string): string {
  const part = formatter(locale, { timeZone, timeZoneName: "short" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** The user's zone's short name at that instant, from the clock's timeline when it has one. */
export function clockAbbreviation(date: Date, clock: UserClock): string {
  return (
    onClock(date, clock.timeZone, clock.timeline).abbreviation ??
    zoneAbbreviation(date, clock.timeZone, clock.locale)
  );
}

/** "America/Toronto (EST)": a zone as a person picks it from a list. */
export function zoneLabel(timeZone: string, locale: string, at: Date): string {
  return `${timeZone.replaceAll("_", " ")} (${zoneAbbreviation(at, timeZone, locale)})`;
}

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 days ago", "in 2 hours", "just now", from `now` (which the caller passes so a page can pin it). */
export function formatRelative(date: Date, now: Date | number, clock: UserClock): string {
  const seconds = Math.round((date.getTime() - Number(now)) / 1000);
  const relative = new Intl.RelativeTimeFormat(clock.locale, { numeric: "auto" });
  for (const [unit, size] of relativeUnits) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return clockWords(clock)("justNow");
}

/**
 * The value of an `<input type="datetime-local">` showing `date` on the user's clock
 * ("2026-12-08T17:00"), whatever zone the browser is in.
 */
export function toDateTimeInput(date: Date, timeZone: string, timeline?: ZoneTimeline): string {
  const { wall } = onClock(date, timeZone, timeline);
  return formatWallTime(wall.getTime()).slice(0, 16).replace(" ", "T");
}

/** "2026-12-08": the date on the user's clock, as a file name or a date input carries it. */
export function isoDayIn(date: Date, timeZone: string, timeline?: ZoneTimeline): string {
  return toDateTimeInput(date, timeZone, timeline).slice(0, 10);
}

/**
 * The moment an `<input type="datetime-local">` value means on the user's clock:
 * "2026-12-08T17:00" is 17:00 in `timeZone`. Empty gives undefined; text that is not a time
 * gives an invalid Date, which the schemas refuse with the field's message. A time skipped by
 * a DST change moves forward, a repeated one takes the first reading (see `wallToInstant`).
 */
export function fromDateTimeInput(
  value: string,
  timeZone: string,
  timeline?: ZoneTimeline,
): Date | undefined {
  const text = value.trim();
  if (text === "") return undefined;
  let wall: number;
  try {
    wall = parseWallTime(text);
  } catch {
    return new Date(NaN);
  }
  if (!segmentAt(timeline, wall - DAY_MS) || !segmentAt(timeline, wall + DAY_MS)) {
    return new Date(wallToInstant(wall, timeZone));
  }
  // As wallToInstant, on the server's offsets: the earliest instant reading `wall`; in a gap,
  // the wall time read with the offset in force before it.
  const readings = timeline!.segments
    .map((segment) => wall - segment.offset)
    .filter((instant) => offsetOn(instant, timeZone, timeline) === wall - instant)
    .sort((a, b) => a - b);
  return new Date(readings[0] ?? wall - offsetOn(wall - DAY_MS, timeZone, timeline));
}

/** How long until a deadline, counted the way the deadline is (see countdown.ts). */
export interface Countdown {
  dueAt: Date;
  /** `business`: hours of the user's business days (a response window, a promise); `calendar`: plain time (the regulator clock). */
  measure: "business" | "calendar";
  /** Time left in that measure, in ms; 0 once due. */
  msLeft: number;
  /** Length of a day in that measure (a business day is the user's business hours). */
  dayMs: number;
  /** The deadline has passed. */
  passed: boolean;
}

/** The words of countdowns in the clock's language (French for any French locale). */
const clockCatalogues = { en: clockEn, "fr-CA": clockFr };
const clockTranslators = new Map<string, ReturnType<typeof clockTranslator>>();
const clockTranslator = (locale: Locale) =>
  createTranslator({ locale, messages: { Clock: clockCatalogues[locale] }, namespace: "Clock" });
function clockWords(clock: UserClock) {
  const locale: Locale = clock.locale.toLowerCase().startsWith("fr") ? "fr-CA" : "en";
  let t = clockTranslators.get(locale);
  if (!t) clockTranslators.set(locale, (t = clockTranslator(locale)));
  return t;
}

/**
 * "2 business days left — Tue, Dec 8, 5:00 p.m. EST", "Overdue since …": every countdown of
 * the product reads like this (case page, dashboard, emails), in the clock's language
 * ("2 jours ouvrables restants — mar. 8 déc., 17 h 00 HNE"). Whole days once there is a day
 * or more, hours below that.
 */
export function formatCountdown(
  countdown: Countdown,
  clock: UserClock,
  options: DateOptions = {},
): string {
  const t = clockWords(clock);
  const when = formatDateTime(countdown.dueAt, clock, options);
  const business = countdown.measure === "business";
  if (countdown.passed) {
    // A business deadline is something owed; a calendar one is a date from which a door opens.
    return business ? t("overdueSince", { when }) : t("since", { when });
  }
  const days = countdown.msLeft / countdown.dayMs;
  if (days >= 1) {
    return t(business ? "businessDaysLeft" : "daysLeft", { count: Math.round(days), when });
  }
  const hours = Math.round(countdown.msLeft / HOUR_MS);
  if (hours >= 1) return t(business ? "businessHoursLeft" : "hoursLeft", { count: hours, when });
  if (countdown.msLeft > 0) {
    return t(business ? "lessThanABusinessHourLeft" : "lessThanAnHourLeft", { when });
  }
  // Due at the next opening (a weekend, a night): no business time is left, yet it has not passed.
  return t("due", { when });
}
