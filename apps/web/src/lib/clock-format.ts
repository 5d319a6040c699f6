import type { Countdown, TimePattern, UserClock, ZoneTimeline } from "@caseward/core/time";
import {
  clockAbbreviation,
  formatCountdown,
  formatDate,
  formatDateTime,
  formatDay,
  formatRelative,
  formatTime,
  formatTimeFrom,
  fromDateTimeInput,
  showsZone,
  toDateTimeInput,
} from "@caseward/core/time";

/** What the server knew when it rendered the page (see server/clock.ts). */
export interface ClockSettings {
  /** The user's settings zone. */
  timeZone: string;
  locale: string;
  /** The server's offsets of that zone: the browser writes what the server would. */
  timeline: ZoneTimeline;
  /** The device's zone as its cookie said, if it ever did, and its offsets. */
  deviceZone?: string;
  deviceTimeline?: ZoneTimeline;
  /** When the server rendered: "now" for every time written during hydration. */
  renderedAt: number;
  /** How the locale writes a time of day, so the browser writes one without Intl. */
  timePattern?: TimePattern;
}

/** The settings as the browser uses them once it has compared its own clock (see ClockProvider). */
export type LiveClockSettings = ClockSettings & Pick<UserClock, "deviceOffset">;

/** The user's clock as the core's formatters take it. */
export const userClockOf = ({
  timeZone,
  locale,
  timeline,
  deviceZone,
  deviceTimeline,
  deviceOffset,
}: LiveClockSettings): UserClock => ({
  timeZone,
  locale,
  timeline,
  ...(deviceZone ? { deviceZone } : {}),
  ...(deviceTimeline ? { deviceTimeline } : {}),
  ...(deviceOffset ? { deviceOffset } : {}),
});

/**
 * Every way a page writes a time on the user's clock, or reads one typed into a datetime-local
 * input: the same for Server Components (server/user-clock.ts) and client ones (`useClock`).
 * Years are left out for dates in the year of the render.
 */
export function clockFormat(settings: LiveClockSettings) {
  const clock = userClockOf(settings);
  const year = { now: settings.renderedAt };
  const rendered = new Date(settings.renderedAt);
  const city = settings.timeZone.split("/").at(-1)!.replaceAll("_", " ");
  const abbreviation = clockAbbreviation(rendered, clock);
  return {
    timeZone: settings.timeZone,
    /**
     * "Toronto time (EST)" beside a time input, when the device may be on another clock
     * (the input itself shows no zone); null when it is on the user's.
     */
    inputZone: showsZone(rendered, clock)
      ? city === abbreviation
        ? city
        : `${city} time (${abbreviation})`
      : null,
    /** "Tue, Dec 8, 5:00 p.m. EST" */
    dateTime: (date: Date) => formatDateTime(date, clock, year),
    /** "Tue, Dec 8" */
    date: (date: Date) => formatDate(date, clock, year),
    /** "5:00 p.m. EST" (without Intl when the server sent the locale's pattern) */
    time: (date: Date) =>
      (settings.timePattern && formatTimeFrom(settings.timePattern, date, clock)) ??
      formatTime(date, clock),
    /** A date column ("2026-11-20") in the same style. */
    day: (day: string) => formatDay(day, clock, year),
    /** "2 business days left — Tue, Dec 8, 5:00 p.m. EST" */
    countdown: (countdown: Countdown) => formatCountdown(countdown, clock, year),
    /** "3 days ago", counted from the render. */
    ago: (date: Date) => formatRelative(date, settings.renderedAt, clock),
    /** The value of a datetime-local input showing `date` on the user's clock. */
    toInput: (date: Date) => toDateTimeInput(date, settings.timeZone, settings.timeline),
    /** What a datetime-local value means on the user's clock (undefined when empty). */
    fromInput: (value: string) => fromDateTimeInput(value, settings.timeZone, settings.timeline),
  };
}
