import type { Countdown } from "../../calendar/clock";
import type { Locale } from "../../i18n/locale";
import { languageOf } from "../../i18n/locale";
import { translator } from "../../i18n/translate";
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

const emailTranslators = new Map<Locale, ReturnType<typeof translator<"Email">>>();

/**
 * The words of the emails, in the language of the reader's date style ("fr-CA" → French). One
 * translator per language: each keeps its compiled ICU messages, which a new one parsed again
 * (a third of an escalation email's CPU once its markup was filled in rather than rendered).
 */
export function emailWords(locale: string) {
  const language = languageOf(locale);
  let t = emailTranslators.get(language);
  if (!t) {
    t = translator(language, "Email");
    emailTranslators.set(language, t);
  }
  return t;
}

const dayCountFormats = new Map<string, Intl.NumberFormat>();

/** "1.3" in the reader's locale; one formatter per locale (making one cost more than using it). */
function dayCountFormat(locale: string) {
  let format = dayCountFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    if (dayCountFormats.size >= 100) dayCountFormats.clear();
    dayCountFormats.set(locale, format);
  }
  return format;
}

/** 2 → "2 business days", 1.25 → "1.3 business days", 1 → "1 business day" (in the reader's language). */
export function businessDaysLabel(days: number, locale = "en"): string {
  const rounded = Math.round(days * 10) / 10;
  const shown = dayCountFormat(locale).format(rounded);
  return emailWords(locale)("businessDays", { days: rounded, shown });
}
