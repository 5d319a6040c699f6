import type { ParsedComponents, ParsedResult } from "chrono-node";
import * as chrono from "chrono-node";

import { wallFromFields, wallToInstant } from "../calendar/zoned-time";

/**
 * Dates written in mail text, in English or French ("Tue, Dec 1, 2026 at 10:14 AM",
 * "mercredi 2 décembre 2026 15:30", "by December 10", "d'ici le 15 décembre"). A date without
 * its own offset is read on the user's clock (their settings zone): a mail client prints the
 * forwarded date in its user's zone, and a promise means the reader's day.
 */

// Mail clients put narrow no-break spaces before AM/PM and no-break spaces in French dates.
const normalizeSpaces = (text: string) => text.replace(/[\u00a0\u2007\u202f]/g, " ");

/** Every date chrono finds in English or French; where both read the same words, the longer reading. */
export function datesIn(text: string, reference: Date): ParsedResult[] {
  const clean = normalizeSpaces(text);
  const all = [
    ...chrono.en.parse(clean, reference, { forwardDate: true }),
    ...chrono.fr.parse(clean, reference, { forwardDate: true }),
  ].sort((a, b) => b.text.length - a.text.length);
  const kept: ParsedResult[] = [];
  for (const found of all) {
    const overlaps = kept.some(
      (k) => found.index < k.index + k.text.length && k.index < found.index + found.text.length,
    );
    if (!overlaps) kept.push(found);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/**
 * The instant the components mean: their own offset when the text gave one, otherwise the
 * wall-clock time in `timeZone`; `defaultHour` when the text gave no time of day.
 */
export function instantOf(
  components: ParsedComponents,
  timeZone: string,
  defaultHour = 0,
  defaultMinute = 0,
): Date {
  if (components.isCertain("timezoneOffset")) return components.date();
  const timed = components.isCertain("hour");
  const wall = wallFromFields(
    components.get("year") ?? 1970,
    components.get("month") ?? 1,
    components.get("day") ?? 1,
    timed ? (components.get("hour") ?? 0) : defaultHour,
    timed ? (components.get("minute") ?? 0) : defaultMinute,
    timed ? (components.get("second") ?? 0) : 0,
  );
  return new Date(wallToInstant(wall, timeZone));
}

/** A header date as a mail client wrote it in a forward, or null when it is not a date. */
export function readHeaderDate(text: string, timeZone: string, reference: Date): Date | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  // RFC 5322 dates carry their offset: the built-in parser reads them exactly.
  if (/[+-]\d{4}\b|\b(?:GMT|UTC)\b/.test(trimmed) && /\d{1,2}:\d{2}/.test(trimmed)) {
    const exact = new Date(trimmed.replace(/\s*\([^)]*\)\s*$/, ""));
    if (!Number.isNaN(exact.getTime())) return exact;
  }
  const found = datesIn(trimmed, reference)[0];
  if (!found) return null;
  return instantOf(found.start, timeZone);
}
