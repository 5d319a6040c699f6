import type { Countdown } from "../../calendar/clock";
import { formatCountdown, formatDate, formatDateTime } from "../../calendar/clock";

/**
 * The reader's clock, as every email carries it: their settings zone and locale. Email
 * clients show dates as plain text, so they are written out here, always with the zone (an
 * email may be read anywhere) and the year (and at any later time).
 */
export interface EmailClock {
  timeZone: string;
  locale: string;
}

const clockOf = ({ timeZone, locale }: EmailClock) => ({ timeZone, locale });

/** "Tue, Dec 1, 2026" as the calendar reads on the user's clock. */
export function readableDate(date: Date, clock: EmailClock): string {
  return formatDate(date, clockOf(clock));
}

/** "Tue, Dec 1, 2026, 4:00 PM EST" as the user's clock reads. */
export function readableDateTime(date: Date, clock: EmailClock): string {
  return formatDateTime(date, clockOf(clock));
}

/** "2 business days left — Tue, Dec 8, 2026, 5:00 PM EST", as on the case page. */
export function readableCountdown(countdown: Countdown, clock: EmailClock): string {
  return formatCountdown(countdown, clockOf(clock));
}

const upToOneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** 2 → "2 business days", 1.25 → "1.3 business days", 1 → "1 business day". */
export function businessDaysLabel(days: number): string {
  const shown = upToOneDecimal.format(days);
  return `${shown} business ${shown === "1" ? "day" : "days"}`;
}
