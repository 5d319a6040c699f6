import { describe, expect, it } from "vitest";

import type { BusinessCalendar } from "./index";
import {
  businessDayLengthMs,
  businessTimeBetween,
  dueAfterBusinessDays,
  formatInZone,
  isBusinessDay,
  zonedDate,
} from "./index";

// Every case is written in local wall time of the calendar's zone and the expected result was
// worked out by hand (09:00–17:00 = 8 h per business day unless stated). 2026 weekdays: Jan 1
// Thu, Feb 1 Sun, Mar 1 Sun, Apr 1 Wed, Jul 1 Wed, Aug 1 Sat, Oct 1 Thu, Nov 1 Sun, Dec 1 Tue.
const ON: BusinessCalendar = { timeZone: "America/Toronto", country: "CA", subdivision: "ON" };
const QC: BusinessCalendar = { timeZone: "America/Toronto", country: "CA", subdivision: "QC" };
const BC: BusinessCalendar = { timeZone: "America/Vancouver", country: "CA", subdivision: "BC" };
const NY: BusinessCalendar = { timeZone: "America/New_York", country: "US", subdivision: "NY" };
const ENG: BusinessCalendar = { timeZone: "Europe/London", country: "GB", subdivision: "ENG" };
const NSW: BusinessCalendar = { timeZone: "Australia/Sydney", country: "AU", subdivision: "NSW" };
const IL: BusinessCalendar = {
  timeZone: "Asia/Jerusalem",
  country: "IL",
  workdays: [7, 1, 2, 3, 4],
};
const IS: BusinessCalendar = { timeZone: "Atlantic/Reykjavik", country: "IS" };
const ON_0830: BusinessCalendar = { ...ON, hours: { start: "08:30", end: "16:30" } };
const ON_MON_SAT: BusinessCalendar = { ...ON, workdays: [1, 2, 3, 4, 5, 6] };
const ON_SHORT: BusinessCalendar = { ...ON, hours: { start: "10:00", end: "14:00" } };
const ON_LATE: BusinessCalendar = { ...ON, hours: { start: "09:00", end: "21:00" } };
// Calendars whose business hours contain the DST change itself, to pin gap/overlap handling.
const ON_24_7: BusinessCalendar = {
  ...ON,
  hours: { start: "00:00", end: "24:00" },
  workdays: [1, 2, 3, 4, 5, 6, 7],
};
const ON_NIGHT: BusinessCalendar = {
  ...ON,
  hours: { start: "00:00", end: "04:00" },
  workdays: [1, 2, 3, 4, 5, 6, 7],
};

interface DueCase {
  name: string;
  calendar: BusinessCalendar;
  start: string;
  days: number;
  due: string;
  /** Also pin the UTC instant where the offset matters (DST). */
  utc?: string;
}

// One case per line, read as a table.
// prettier-ignore
const dueCases: DueCase[] = [
  // The examples from PRODUCT.md / the contract.
  { name: "Fri 16:00 + 2 -> Tue 16:00", calendar: ON, start: "2026-11-27 16:00", days: 2, due: "2026-12-01 16:00" },
  { name: "Sat 10:00 + 2 -> Tue 17:00 (end of day)", calendar: ON, start: "2026-11-28 10:00", days: 2, due: "2026-12-01 17:00" },
  { name: "Mon 08:00 + 2 -> Tue 17:00", calendar: ON, start: "2026-11-30 08:00", days: 2, due: "2026-12-01 17:00" },
  { name: "Mon 12:00 + 2 -> Wed 12:00", calendar: ON, start: "2026-11-30 12:00", days: 2, due: "2026-12-02 12:00" },
  // Weekends and hours.
  { name: "Sun 23:59 + 2 -> Tue 17:00", calendar: ON, start: "2026-11-29 23:59", days: 2, due: "2026-12-01 17:00" },
  { name: "Fri exactly 17:00 counts from Mon 09:00", calendar: ON, start: "2026-11-27 17:00", days: 2, due: "2026-12-01 17:00" },
  { name: "Fri 09:00 + 1 stays at Fri 17:00", calendar: ON, start: "2026-11-27 09:00", days: 1, due: "2026-11-27 17:00" },
  { name: "Mon 18:30 (after hours) + 1 -> Tue 17:00", calendar: ON, start: "2026-11-30 18:30", days: 1, due: "2026-12-01 17:00" },
  { name: "10 days from Mon 09:00 -> Fri of next week 17:00", calendar: ON, start: "2026-11-30 09:00", days: 10, due: "2026-12-11 17:00" },
  { name: "DST Sunday start (Mar 8) + 1 -> Mon 17:00", calendar: ON, start: "2026-03-08 10:00", days: 1, due: "2026-03-09 17:00" },
  // Canadian public holidays.
  { name: "Canada Day (Wed) skipped", calendar: ON, start: "2026-06-30 16:00", days: 2, due: "2026-07-03 16:00" },
  { name: "start on Canada Day counts from Thu 09:00", calendar: ON, start: "2026-07-01 10:00", days: 2, due: "2026-07-03 17:00" },
  { name: "ON Family Day (Mon Feb 16) skipped", calendar: ON, start: "2026-02-13 16:00", days: 2, due: "2026-02-18 16:00" },
  { name: "QC has no Family Day", calendar: QC, start: "2026-02-13 16:00", days: 2, due: "2026-02-17 16:00" },
  { name: "ON Civic Holiday is optional: worked", calendar: ON, start: "2026-07-31 16:00", days: 2, due: "2026-08-04 16:00" },
  { name: "BC Day is public in BC: skipped", calendar: BC, start: "2026-07-31 16:00", days: 2, due: "2026-08-05 16:00" },
  { name: "Remembrance Day optional in ON: worked", calendar: ON, start: "2026-11-10 16:00", days: 1, due: "2026-11-11 16:00" },
  { name: "Remembrance Day public in BC: skipped", calendar: BC, start: "2026-11-10 16:00", days: 1, due: "2026-11-12 16:00" },
  { name: "CA Thanksgiving (Mon Oct 12) skipped", calendar: ON, start: "2026-10-09 16:00", days: 2, due: "2026-10-14 16:00" },
  { name: "Good Friday + Easter Monday (public in date-holidays' CA-ON data) skipped", calendar: ON, start: "2026-04-02 16:00", days: 2, due: "2026-04-08 16:00" },
  { name: "Good Friday alone, with Saturday worked", calendar: ON_MON_SAT, start: "2026-04-02 16:00", days: 1, due: "2026-04-04 16:00" },
  // Observances are working days.
  { name: "Groundhog Day (observance) worked", calendar: ON, start: "2026-01-30 16:00", days: 1, due: "2026-02-02 16:00" },
  { name: "Halloween 2025 (Fri, observance) worked", calendar: ON, start: "2025-10-30 16:00", days: 2, due: "2025-11-03 16:00" },
  { name: "Halloween evening (from 18:00) is not closed", calendar: ON_LATE, start: "2025-10-31 17:00", days: 0.25, due: "2025-10-31 20:00" },
  // Year end.
  { name: "Dec 24 -> past Christmas/Boxing Day (Sat) in ON", calendar: ON, start: "2026-12-24 16:00", days: 2, due: "2026-12-29 16:00" },
  { name: "Dec 31 -> past New Year's Day into 2027", calendar: ON, start: "2026-12-31 16:00", days: 2, due: "2027-01-05 16:00" },
  // DST in Toronto: the wall clock is kept.
  { name: "Toronto spring-forward", calendar: ON, start: "2026-03-06 16:00", days: 2, due: "2026-03-10 16:00", utc: "2026-03-10T20:00:00.000Z" },
  { name: "Toronto fall-back", calendar: ON, start: "2026-10-30 16:00", days: 2, due: "2026-11-03 16:00", utc: "2026-11-03T21:00:00.000Z" },
  // United States.
  { name: "US Thanksgiving skipped, day after (observance) worked", calendar: NY, start: "2026-11-25 16:00", days: 2, due: "2026-11-30 16:00" },
  { name: "Independence Day observed Fri Jul 3", calendar: NY, start: "2026-07-02 16:00", days: 1, due: "2026-07-06 16:00" },
  { name: "MLK Day skipped", calendar: NY, start: "2026-01-16 16:00", days: 1, due: "2026-01-20 16:00" },
  // England.
  { name: "ENG summer bank holiday skipped", calendar: ENG, start: "2026-08-28 16:00", days: 2, due: "2026-09-02 16:00" },
  { name: "ENG early May bank holiday skipped", calendar: ENG, start: "2026-05-01 16:00", days: 1, due: "2026-05-05 16:00" },
  { name: "ENG Christmas + Boxing Day substitute (Mon 28)", calendar: ENG, start: "2026-12-24 16:00", days: 2, due: "2026-12-30 16:00" },
  { name: "London spring-forward", calendar: ENG, start: "2026-03-27 16:00", days: 2, due: "2026-03-31 16:00", utc: "2026-03-31T15:00:00.000Z" },
  { name: "London fall-back", calendar: ENG, start: "2026-10-23 16:00", days: 2, due: "2026-10-27 16:00", utc: "2026-10-27T16:00:00.000Z" },
  // New South Wales (southern hemisphere DST: ends in April, starts in October).
  { name: "Sydney Easter + DST end", calendar: NSW, start: "2026-04-02 16:00", days: 2, due: "2026-04-08 16:00", utc: "2026-04-08T06:00:00.000Z" },
  { name: "Sydney Labour Day + DST start", calendar: NSW, start: "2026-10-02 16:00", days: 2, due: "2026-10-07 16:00", utc: "2026-10-07T05:00:00.000Z" },
  { name: "NSW Australia Day skipped", calendar: NSW, start: "2026-01-23 16:00", days: 1, due: "2026-01-27 16:00" },
  { name: "NSW bank-only holiday (Aug 3) worked", calendar: NSW, start: "2026-07-31 16:00", days: 1, due: "2026-08-03 16:00" },
  // Israel: Sunday–Thursday.
  { name: "IL Thu 16:00 + 2 -> Mon 16:00", calendar: IL, start: "2026-03-05 16:00", days: 2, due: "2026-03-09 16:00" },
  { name: "IL Sunday is a workday", calendar: IL, start: "2026-03-08 10:00", days: 1, due: "2026-03-09 10:00" },
  { name: "IL Friday start counts from Sunday", calendar: IL, start: "2026-03-06 10:00", days: 1, due: "2026-03-08 17:00" },
  { name: "IL Passover (Thu Apr 2) skipped", calendar: IL, start: "2026-04-01 16:00", days: 1, due: "2026-04-05 16:00" },
  { name: "IL Purim (school holiday) worked", calendar: IL, start: "2026-03-02 16:00", days: 1, due: "2026-03-03 16:00" },
  { name: "IL DST (Fri Mar 27)", calendar: IL, start: "2026-03-26 16:00", days: 1, due: "2026-03-29 16:00", utc: "2026-03-29T13:00:00.000Z" },
  // Custom hours and workdays.
  { name: "08:30–16:30: Fri 16:00 + 2 -> Tue 16:00", calendar: ON_0830, start: "2026-11-27 16:00", days: 2, due: "2026-12-01 16:00" },
  { name: "08:30–16:30: Mon 08:00 + 1 -> Mon 16:30", calendar: ON_0830, start: "2026-11-30 08:00", days: 1, due: "2026-11-30 16:30" },
  { name: "08:30–16:30: Sat + 2 -> Tue 16:30", calendar: ON_0830, start: "2026-11-28 10:00", days: 2, due: "2026-12-01 16:30" },
  { name: "08:30–16:30: half a day", calendar: ON_0830, start: "2026-11-30 08:30", days: 0.5, due: "2026-11-30 12:30" },
  { name: "10:00–14:00: a day is 4 h", calendar: ON_SHORT, start: "2026-11-30 13:00", days: 1, due: "2026-12-01 13:00" },
  { name: "Mon–Sat: Saturday worked", calendar: ON_MON_SAT, start: "2026-11-27 16:00", days: 2, due: "2026-11-30 16:00" },
  // Fractional days.
  { name: "0.5 day from Mon 09:00", calendar: ON, start: "2026-11-30 09:00", days: 0.5, due: "2026-11-30 13:00" },
  { name: "0.25 day lands exactly on Fri close", calendar: ON, start: "2026-11-27 15:00", days: 0.25, due: "2026-11-27 17:00" },
  { name: "0.375 day rolls over the weekend", calendar: ON, start: "2026-11-27 15:00", days: 0.375, due: "2026-11-30 10:00" },
  { name: "1.5 days from Mon 12:00", calendar: ON, start: "2026-11-30 12:00", days: 1.5, due: "2026-12-01 16:00" },
  { name: "one minute (1/480 day)", calendar: ON, start: "2026-11-30 12:00", days: 1 / 480, due: "2026-11-30 12:01" },
  // Zero days: the start itself when open, else the next opening.
  { name: "0 days inside hours", calendar: ON, start: "2026-11-30 12:00", days: 0, due: "2026-11-30 12:00" },
  { name: "0 days on Saturday -> Mon 09:00", calendar: ON, start: "2026-11-28 10:00", days: 0, due: "2026-11-30 09:00" },
  { name: "0 days at Fri 17:00 -> Mon 09:00", calendar: ON, start: "2026-11-27 17:00", days: 0, due: "2026-11-30 09:00" },
  { name: "0 days on Canada Day -> Thu 09:00", calendar: ON, start: "2026-07-01 12:00", days: 0, due: "2026-07-02 09:00" },
  // Public holiday from 13:00 only (Iceland's Christmas Eve): the morning is still worked.
  { name: "IS Christmas Eve closes at 13:00", calendar: IS, start: "2026-12-24 12:00", days: 0.25, due: "2026-12-28 10:00" },
  // Business hours that contain the DST change.
  { name: "24/7: 1 day over spring-forward is 24 wall hours", calendar: ON_24_7, start: "2026-03-07 12:00", days: 1, due: "2026-03-08 12:00", utc: "2026-03-08T16:00:00.000Z" },
  { name: "result in a DST gap moves forward", calendar: ON_NIGHT, start: "2026-03-08 00:00", days: 0.625, due: "2026-03-08 03:30", utc: "2026-03-08T07:30:00.000Z" },
  { name: "result in a DST overlap takes the earlier reading", calendar: ON_NIGHT, start: "2026-11-01 00:00", days: 0.375, due: "2026-11-01 01:30", utc: "2026-11-01T05:30:00.000Z" },
];

describe("dueAfterBusinessDays", () => {
  it.each(dueCases)("$name", ({ calendar, start, days, due, utc }) => {
    const result = dueAfterBusinessDays(zonedDate(start, calendar.timeZone), days, calendar);
    expect(formatInZone(result, calendar.timeZone)).toBe(due);
    if (utc !== undefined) expect(result.toISOString()).toBe(utc);
  });

  it("never returns an instant before the start inside a fall-back overlap", () => {
    // 01:10 EST is the second 01:10 of the night; 10 business minutes later is 01:20 EST,
    // not the (earlier) 01:20 EDT.
    const start = new Date("2026-11-01T06:10:00Z");
    expect(dueAfterBusinessDays(start, 10 / 240, ON_NIGHT).toISOString()).toBe(
      "2026-11-01T06:20:00.000Z",
    );
    expect(dueAfterBusinessDays(start, 0, ON_NIGHT).toISOString()).toBe(start.toISOString());
  });

  it("uses the defaults (Mon–Fri, 09:00–17:00) when hours and workdays are omitted", () => {
    const explicit: BusinessCalendar = {
      ...ON,
      hours: { start: "09:00", end: "17:00" },
      workdays: [1, 2, 3, 4, 5],
    };
    const start = zonedDate("2026-11-27 16:00", ON.timeZone);
    expect(dueAfterBusinessDays(start, 2, ON).getTime()).toBe(
      dueAfterBusinessDays(start, 2, explicit).getTime(),
    );
  });

  it("accepts a subdivision written as full ISO 3166-2 and lower case", () => {
    const start = zonedDate("2026-02-13 16:00", ON.timeZone);
    expect(
      formatInZone(
        dueAfterBusinessDays(start, 2, { ...ON, country: "ca", subdivision: "CA-ON" }),
        ON.timeZone,
      ),
    ).toBe("2026-02-18 16:00");
  });
});

describe("dueAfterBusinessDays / calendar validation", () => {
  const start = zonedDate("2026-11-30 12:00", ON.timeZone);
  // prettier-ignore
  it.each([
    { name: "negative days", days: -1, calendar: ON, message: /finite number >= 0/ },
    { name: "NaN days", days: NaN, calendar: ON, message: /finite number >= 0/ },
    { name: "infinite days", days: Infinity, calendar: ON, message: /finite number >= 0/ },
    { name: "absurd days (scan cap)", days: 1e6, calendar: ON, message: /No due date within/ },
    { name: "unknown time zone", days: 1, calendar: { ...ON, timeZone: "Mars/Olympus_Mons" }, message: /Unknown time zone/ },
    { name: "hours end before start", days: 1, calendar: { ...ON, hours: { start: "17:00", end: "09:00" } }, message: /end after they start/ },
    { name: "hours end equal to start", days: 1, calendar: { ...ON, hours: { start: "09:00", end: "09:00" } }, message: /end after they start/ },
    { name: "hours not HH:mm", days: 1, calendar: { ...ON, hours: { start: "9am", end: "17:00" } }, message: /hours.start/ },
    { name: "hours minute out of range", days: 1, calendar: { ...ON, hours: { start: "09:00", end: "16:60" } }, message: /hours.end/ },
    { name: "empty workdays", days: 1, calendar: { ...ON, workdays: [] }, message: /at least one ISO weekday/ },
    { name: "workday 0 (JS Sunday)", days: 1, calendar: { ...ON, workdays: [0, 1] }, message: /ISO weekdays/ },
    { name: "workday 8", days: 1, calendar: { ...ON, workdays: [8] }, message: /ISO weekdays/ },
    { name: "unknown country", days: 1, calendar: { ...ON, country: "XX", subdivision: undefined }, message: /Unknown country/ },
    { name: "country name instead of code", days: 1, calendar: { ...ON, country: "Canada" }, message: /Unknown country/ },
    { name: "unknown subdivision", days: 1, calendar: { ...ON, subdivision: "ZZ" }, message: /Unknown subdivision.*ON/ },
    { name: "subdivision for a country without any", days: 1, calendar: { ...IL, subdivision: "TA" }, message: /no subdivisions/ },
  ])("throws a RangeError for $name", ({ days, calendar, message }) => {
    expect(() => dueAfterBusinessDays(start, days, calendar)).toThrow(RangeError);
    expect(() => dueAfterBusinessDays(start, days, calendar)).toThrow(message);
  });

  it("throws a RangeError for an invalid start", () => {
    expect(() => dueAfterBusinessDays(new Date(NaN), 1, ON)).toThrow(/start must be a valid Date/);
  });
});

describe("isBusinessDay", () => {
  // prettier-ignore
  it.each([
    { name: "Monday", calendar: ON, at: "2026-11-30 12:00", expected: true },
    { name: "Saturday", calendar: ON, at: "2026-11-28 12:00", expected: false },
    { name: "Canada Day", calendar: ON, at: "2026-07-01 12:00", expected: false },
    { name: "Family Day in ON", calendar: ON, at: "2026-02-16 12:00", expected: false },
    { name: "Family Day date in QC", calendar: QC, at: "2026-02-16 12:00", expected: true },
    { name: "Sunday in IL", calendar: IL, at: "2026-03-08 12:00", expected: true },
    { name: "Friday in IL", calendar: IL, at: "2026-03-06 12:00", expected: false },
    { name: "Halloween 2025 (observance)", calendar: ON, at: "2025-10-31 12:00", expected: true },
    { name: "IS Christmas Eve (closed from 13:00 only)", calendar: IS, at: "2026-12-24 08:00", expected: true },
    { name: "IS Christmas Day", calendar: IS, at: "2026-12-25 08:00", expected: false },
  ])("$name -> $expected", ({ calendar, at, expected }) => {
    expect(isBusinessDay(zonedDate(at, calendar.timeZone), calendar)).toBe(expected);
  });

  it("uses the date in the calendar's zone, not in UTC", () => {
    expect(isBusinessDay(new Date("2026-07-01T02:00:00Z"), ON)).toBe(true); // Tue Jun 30, 22:00 in Toronto
    expect(isBusinessDay(new Date("2026-07-02T03:00:00Z"), ON)).toBe(false); // Canada Day, 23:00 in Toronto
  });
});

describe("businessTimeBetween", () => {
  const HOUR = 3_600_000;
  // prettier-ignore
  it.each([
    { name: "Fri 16:00 -> Tue 16:00", calendar: ON, from: "2026-11-27 16:00", to: "2026-12-01 16:00", hours: 16 },
    { name: "same morning", calendar: ON, from: "2026-11-30 10:00", to: "2026-11-30 12:30", hours: 2.5 },
    { name: "within a weekend", calendar: ON, from: "2026-11-28 10:00", to: "2026-11-29 20:00", hours: 0 },
    { name: "before opening to after closing", calendar: ON, from: "2026-11-30 08:00", to: "2026-11-30 18:00", hours: 8 },
    { name: "over Canada Day", calendar: ON, from: "2026-06-30 16:00", to: "2026-07-02 10:00", hours: 2 },
    { name: "over Toronto spring-forward", calendar: ON, from: "2026-03-06 16:00", to: "2026-03-10 16:00", hours: 16 },
    { name: "over Sydney DST end and Easter", calendar: NSW, from: "2026-04-02 16:00", to: "2026-04-08 16:00", hours: 16 },
    { name: "IS Christmas Eve half day", calendar: IS, from: "2026-12-24 09:00", to: "2026-12-28 10:00", hours: 5 },
    { name: "reversed range is negative", calendar: ON, from: "2026-12-01 16:00", to: "2026-11-27 16:00", hours: -16 },
    { name: "empty range", calendar: ON, from: "2026-11-30 12:00", to: "2026-11-30 12:00", hours: 0 },
  ])("$name = $hours business hours", ({ calendar, from, to, hours }) => {
    expect(businessTimeBetween(zonedDate(from, calendar.timeZone), zonedDate(to, calendar.timeZone), calendar)).toBe(hours * HOUR);
  });

  it("inverts dueAfterBusinessDays", () => {
    const calendars = [ON, NSW, IL, ENG, ON_0830];
    const starts = [
      "2026-03-06 16:00",
      "2026-04-02 08:15",
      "2026-10-30 12:34",
      "2026-12-24 16:00",
      "2026-06-27 10:00",
    ];
    for (const calendar of calendars) {
      for (const start of starts) {
        for (const days of [0, 0.1, 0.5, 1, 2, 3.75, 20]) {
          const from = zonedDate(start, calendar.timeZone);
          const due = dueAfterBusinessDays(from, days, calendar);
          expect(businessTimeBetween(from, due, calendar)).toBe(
            Math.round(days * businessDayLengthMs(calendar)),
          );
        }
      }
    }
  });

  it("gives 'waited N business days' via businessDayLengthMs", () => {
    const from = zonedDate("2026-11-27 16:00", ON.timeZone);
    const to = zonedDate("2026-12-01 16:00", ON.timeZone);
    expect(businessTimeBetween(from, to, ON) / businessDayLengthMs(ON)).toBe(2);
    expect(businessDayLengthMs(ON_0830)).toBe(8 * HOUR);
    expect(businessDayLengthMs(ON_SHORT)).toBe(4 * HOUR);
  });

  it("throws a RangeError for invalid dates", () => {
    expect(() => businessTimeBetween(new Date(NaN), new Date(), ON)).toThrow(RangeError);
  });
});
