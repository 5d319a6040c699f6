/**
 * Public holidays per (country, subdivision), from date-holidays, cached.
 *
 * Only holidays of type "public" close a business day: observances (Halloween, Mother's
 * Day), optional days (Ontario's Civic Holiday), school and bank-only holidays are ordinary
 * working days for a company's support desk.
 *
 * Building a Holidays instance and computing a year's holidays costs milliseconds, while the
 * escalation scheduler asks about 10,000s of timers, so both are cached for the life of the
 * process (the data only changes with a date-holidays upgrade, i.e. a deploy).
 */
import Holidays from "date-holidays";

import { DAY_MS, HOUR_MS, MINUTE_MS, wallDay, wallFromFields } from "./zoned-time";

// "2026-12-24 13:00:00" or "2026-04-02 00:00:00 -0600": the holiday's local date and start
// time in its own country, which is what we compare wall days with.
const HOLIDAY_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/;

/** The public holidays of one region, as wall days (see zoned-time.ts). */
export class PublicHolidays {
  /** wall day -> ms into the local day from which the day is closed (0 = all day). */
  private readonly closed = new Map<number, number>();
  private readonly fetchedYears = new Set<number>();
  private readonly completeYears = new Set<number>();
  // Wall-day bounds of the last year looked at: the hot path is two comparisons + a Map get.
  private rangeStart = 0;
  private rangeEnd = -1;

  constructor(private readonly source: Holidays) {}

  /**
   * When `day` is a public holiday, the time (ms after local midnight) from which it is
   * closed: 0 for an all-day holiday, e.g. 13 h for Iceland's Christmas Eve (a public
   * holiday from 13:00). `undefined` when the day is not a public holiday.
   */
  closedFrom(day: number): number | undefined {
    if (day < this.rangeStart || day > this.rangeEnd) this.completeYearOf(day);
    return this.closed.get(day);
  }

  private completeYearOf(day: number): void {
    const year = new Date(day * DAY_MS).getUTCFullYear();
    if (!this.completeYears.has(year)) {
      // A day of `year` can be closed by a holiday listed under a neighbouring year: the
      // US observes New Year's Day 2022 on Friday 2021-12-31, and multi-day holidays spill
      // over the year end. So a year is complete once its neighbours are fetched too.
      this.fetchYear(year - 1);
      this.fetchYear(year);
      this.fetchYear(year + 1);
      this.completeYears.add(year);
    }
    this.rangeStart = wallDay(wallFromFields(year, 1, 1));
    this.rangeEnd = wallDay(wallFromFields(year + 1, 1, 1)) - 1;
  }

  private fetchYear(year: number): void {
    if (this.fetchedYears.has(year)) return;
    this.fetchedYears.add(year);
    // All types are requested and filtered here rather than with the `types: ["public"]`
    // option: some rules depend on other holiday types (Glarus moves Näfelser Fahrt when it
    // meets Holy Thursday, an observance), and the option silently drops that logic.
    for (const holiday of this.source.getHolidays(year)) {
      if (holiday.type !== "public") continue;
      const match = HOLIDAY_DATE.exec(holiday.date);
      if (match === null) continue;
      const [, y, m, d, hh, mm] = match.map(Number) as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      const firstDay = wallDay(wallFromFields(y, m, d));
      // Rounded so a 25 h Easter Sunday (DST ends that night in Sydney) is one day and a
      // 48 h Purim two; a short holiday that starts mid-day still closes its own day.
      const spanDays = Math.max(
        1,
        Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS),
      );
      this.markClosed(firstDay, hh * HOUR_MS + mm * MINUTE_MS);
      for (let extra = 1; extra < spanDays; extra++) this.markClosed(firstDay + extra, 0);
    }
  }

  private markClosed(day: number, from: number): void {
    const existing = this.closed.get(day);
    if (existing === undefined || from < existing) this.closed.set(day, from);
  }
}

let catalogue: Holidays | undefined;
let countries: Set<string> | undefined;
const byRegion = new Map<string, PublicHolidays>();

/**
 * The (cached) public holidays of `country` (ISO 3166-1 alpha-2, e.g. "CA") and optional
 * `subdivision` (the part of ISO 3166-2 after the dash, e.g. "ON"; "CA-ON" is accepted too).
 * Throws a RangeError for a country or subdivision date-holidays does not know, because the
 * library itself silently returns no holidays for those and deadlines would quietly shift.
 */
export function publicHolidaysFor(country: string, subdivision?: string): PublicHolidays {
  const key = `${country}|${subdivision ?? ""}`;
  const cached = byRegion.get(key);
  if (cached !== undefined) return cached;

  const countryCode = typeof country === "string" ? country.trim().toUpperCase() : "";
  catalogue ??= new Holidays();
  countries ??= new Set(Object.keys(catalogue.getCountries()));
  if (!/^[A-Z]{2}$/.test(countryCode) || !countries.has(countryCode)) {
    throw new RangeError(
      `Unknown country ${JSON.stringify(country)}: expected an ISO 3166-1 alpha-2 code with holiday data, such as "CA".`,
    );
  }

  let source: Holidays;
  if (subdivision === undefined || subdivision === "") {
    source = new Holidays(countryCode);
  } else {
    const code = String(subdivision)
      .trim()
      .toUpperCase()
      .replace(new RegExp(`^${countryCode}-`), "");
    const states = catalogue.getStates(countryCode) ?? {};
    if (!Object.hasOwn(states, code)) {
      const known = Object.keys(states);
      throw new RangeError(
        `Unknown subdivision ${JSON.stringify(subdivision)} for ${countryCode}: ` +
          (known.length > 0
            ? `expected one of ${known.join(", ")}.`
            : "this country has no subdivisions with holiday data."),
      );
    }
    source = new Holidays(countryCode, code);
  }

  const holidays = new PublicHolidays(source);
  byRegion.set(key, holidays);
  return holidays;
}
