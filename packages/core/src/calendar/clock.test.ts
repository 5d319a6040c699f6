import { describe, expect, it } from "vitest";

import type { BusinessCalendar } from "./business-time";
import type { Countdown, UserClock, ZoneTimeline } from "./clock";
import {
  clockOf,
  formatCountdown,
  formatDate,
  formatDateTime,
  formatDay,
  formatRelative,
  formatTime,
  formatTimeFrom,
  fromDateTimeInput,
  isoDayIn,
  localeOfCountry,
  showsZone,
  timePattern,
  toDateTimeInput,
  zoneAbbreviation,
  zoneTimeline,
} from "./clock";
import { offsetAt } from "./zoned-time";
import { countdownTo } from "./countdown";
import { zonedDate } from "./zoned-time";

const toronto: UserClock = { timeZone: "America/Toronto", locale: "en-US" };
// 2026-12-08 is a Tuesday; 22:00 UTC is 5:00 PM in Toronto (EST, UTC−5).
const tuesdayFivePm = new Date("2026-12-08T22:00:00Z");
const julyFivePm = new Date("2026-07-08T21:00:00Z");

describe("formatDateTime", () => {
  // prettier-ignore
  it.each([
    { why: "Toronto in winter: EST", date: tuesdayFivePm, clock: toronto, shown: "Tue, Dec 8, 2026, 5:00 PM EST" },
    { why: "Toronto in summer: EDT", date: julyFivePm, clock: toronto, shown: "Wed, Jul 8, 2026, 5:00 PM EDT" },
    { why: "the same instant on a Tokyo clock: the next morning", date: tuesdayFivePm, clock: { timeZone: "Asia/Tokyo", locale: "en-US" }, shown: "Wed, Dec 9, 2026, 7:00 AM GMT+9" },
    { why: "London: GMT in winter", date: tuesdayFivePm, clock: { timeZone: "Europe/London", locale: "en-GB" }, shown: "Tue, 8 Dec 2026, 22:00 GMT" },
    { why: "London: BST in summer", date: julyFivePm, clock: { timeZone: "Europe/London", locale: "en-GB" }, shown: "Wed, 8 Jul 2026, 22:00 BST" },
    { why: "Canadian style", date: tuesdayFivePm, clock: { timeZone: "America/Toronto", locale: "en-CA" }, shown: "Tue, Dec 8, 2026, 5:00 p.m. EST" },
    { why: "Kolkata: half-hour offset", date: tuesdayFivePm, clock: { timeZone: "Asia/Kolkata", locale: "en-IN" }, shown: "Wed, 9 Dec, 2026, 3:30 am IST" },
    { why: "Sydney: southern summer (AEDT)", date: tuesdayFivePm, clock: { timeZone: "Australia/Sydney", locale: "en-AU" }, shown: "Wed, 9 Dec 2026, 9:00 am AEDT" },
  ])("$why", ({ date, clock, shown }) => {
    expect(formatDateTime(date, clock)).toBe(shown);
  });

  it("leaves the year out for this year's dates, on the user's clock", () => {
    expect(formatDateTime(tuesdayFivePm, toronto, { now: new Date("2026-01-01T12:00:00Z") })).toBe(
      "Tue, Dec 8, 5:00 PM EST",
    );
    // New Year's Eve 23:30 in Toronto is already next year in UTC: still "this year" here.
    const newYearsEve = zonedDate("2026-12-31 23:30", "America/Toronto");
    expect(formatDateTime(newYearsEve, toronto, { now: tuesdayFivePm })).toBe(
      "Thu, Dec 31, 11:30 PM EST",
    );
    expect(formatDateTime(tuesdayFivePm, toronto, { now: new Date("2027-01-06T12:00:00Z") })).toBe(
      "Tue, Dec 8, 2026, 5:00 PM EST",
    );
  });

  it("names the zone only where the device could be on another clock", () => {
    const onDevice = (deviceZone: string) => ({ ...toronto, deviceZone });
    const now = { now: tuesdayFivePm };
    expect(formatDateTime(tuesdayFivePm, onDevice("America/Toronto"), now)).toBe(
      "Tue, Dec 8, 5:00 PM",
    );
    // Another name for the same clock (New York keeps Toronto's offsets all year).
    expect(formatDateTime(tuesdayFivePm, onDevice("America/New_York"), now)).toBe(
      "Tue, Dec 8, 5:00 PM",
    );
    expect(formatDateTime(tuesdayFivePm, onDevice("UTC"), now)).toBe("Tue, Dec 8, 5:00 PM EST");
    expect(formatDateTime(tuesdayFivePm, onDevice("Asia/Tokyo"), now)).toBe(
      "Tue, Dec 8, 5:00 PM EST",
    );
    expect(formatDateTime(tuesdayFivePm, onDevice("Not/A_Zone"), now)).toBe(
      "Tue, Dec 8, 5:00 PM EST",
    );
    // UTC and London share a clock in winter only.
    const london = { timeZone: "Europe/London", locale: "en-GB", deviceZone: "UTC" };
    expect(showsZone(tuesdayFivePm, london)).toBe(false);
    expect(showsZone(julyFivePm, london)).toBe(true);
  });

  it("writes plain spaces only, whatever ICU version formats it", () => {
    for (const locale of ["en-US", "en-CA", "en-GB", "en-AU"]) {
      const text = formatDateTime(tuesdayFivePm, { timeZone: "America/Toronto", locale });
      expect(text).not.toMatch(/[\u00a0\u202f]/);
    }
  });
});

describe("the other formats", () => {
  it("writes the day, the time and a date column in the same style", () => {
    const now = { now: tuesdayFivePm };
    expect(formatDate(tuesdayFivePm, toronto, now)).toBe("Tue, Dec 8");
    expect(formatDate(tuesdayFivePm, { timeZone: "Asia/Tokyo", locale: "en-US" }, now)).toBe(
      "Wed, Dec 9",
    );
    expect(formatTime(tuesdayFivePm, toronto)).toBe("5:00 PM EST");
    expect(formatTime(tuesdayFivePm, { ...toronto, deviceZone: "America/Toronto" })).toBe(
      "5:00 PM",
    );
    // A date column has no zone: it stays the same day on every clock.
    expect(formatDay("2026-11-20", { timeZone: "Pacific/Kiritimati", locale: "en-US" })).toBe(
      "Fri, Nov 20, 2026",
    );
    expect(formatDay("2026-11-20", toronto, now)).toBe("Fri, Nov 20");
    expect(formatDay("not a day", toronto)).toBe("not a day");
  });

  it.each([
    { ms: -3 * 86400_000, shown: "3 days ago" },
    { ms: -86400_000, shown: "yesterday" },
    { ms: 2 * 3600_000, shown: "in 2 hours" },
    { ms: -20_000, shown: "just now" },
  ])("says $shown", ({ ms, shown }) => {
    expect(formatRelative(new Date(tuesdayFivePm.getTime() + ms), tuesdayFivePm, toronto)).toBe(
      shown,
    );
  });

  it.each([
    { date: tuesdayFivePm, zone: "America/Toronto", abbreviation: "EST" },
    { date: julyFivePm, zone: "America/Toronto", abbreviation: "EDT" },
    { date: julyFivePm, zone: "America/Los_Angeles", abbreviation: "PDT" },
    { date: julyFivePm, zone: "UTC", abbreviation: "UTC" },
    { date: julyFivePm, zone: "Asia/Tokyo", abbreviation: "GMT+9" },
  ])("$zone is $abbreviation on $date", ({ date, zone, abbreviation }) => {
    expect(zoneAbbreviation(date, zone, "en-US")).toBe(abbreviation);
  });

  it("takes the locale from the country of the settings", () => {
    expect(localeOfCountry("CA")).toBe("en-CA");
    expect(localeOfCountry("GB")).toBe("en-GB");
    expect(localeOfCountry("US")).toBe("en-US");
    // No English data for Brazil: plain English.
    expect(localeOfCountry("BR")).toBe("en");
    expect(localeOfCountry("not a country")).toBe("en");
    expect(clockOf({ timeZone: "America/Toronto", country: "CA" })).toEqual({
      timeZone: "America/Toronto",
      locale: "en-CA",
    });
  });

  it("writes dates in the user's language, in their country's conventions", () => {
    expect(localeOfCountry("CA", "fr-CA")).toBe("fr-CA");
    expect(localeOfCountry("FR", "fr-CA")).toBe("fr-FR");
    const clock = clockOf({ timeZone: "America/Toronto", country: "CA", locale: "fr-CA" });
    expect(clock.locale).toBe("fr-CA");
    // fr-CA writes "5 déc. 2026, 17 h 00" (issue 20), with the zone an email always names.
    expect(formatDateTime(new Date("2026-12-05T22:00:00Z"), clock)).toBe(
      "sam. 5 déc. 2026, 17 h 00 HNE",
    );
  });
});

describe("datetime-local values are read on the user's clock", () => {
  // prettier-ignore
  it.each([
    { zone: "America/Toronto", value: "2026-12-08T17:00", utc: "2026-12-08T22:00:00.000Z" },
    { zone: "America/Toronto", value: "2026-07-08T17:00", utc: "2026-07-08T21:00:00.000Z" },
    { zone: "Asia/Tokyo", value: "2026-12-08T17:00", utc: "2026-12-08T08:00:00.000Z" },
    { zone: "UTC", value: "2026-12-08T17:00", utc: "2026-12-08T17:00:00.000Z" },
    { zone: "Asia/Kathmandu", value: "2026-12-08T17:00", utc: "2026-12-08T11:15:00.000Z" },
    { zone: "America/Toronto", value: "2026-12-08 17:00", utc: "2026-12-08T22:00:00.000Z" },
  ])("$value in $zone is $utc", ({ zone, value, utc }) => {
    const instant = fromDateTimeInput(value, zone)!;
    expect(instant.toISOString()).toBe(utc);
    // And back: the input shows what was typed.
    expect(toDateTimeInput(instant, zone)).toBe(value.replace(" ", "T"));
  });

  it("moves a time skipped by spring-forward ahead, and takes the first of a repeated one", () => {
    expect(fromDateTimeInput("2026-03-08T02:30", "America/Toronto")!.toISOString()).toBe(
      "2026-03-08T07:30:00.000Z", // 03:30 EDT
    );
    expect(fromDateTimeInput("2026-11-01T01:30", "America/Toronto")!.toISOString()).toBe(
      "2026-11-01T05:30:00.000Z", // the first 01:30, EDT
    );
    expect(toDateTimeInput(new Date("2026-11-01T06:30:00Z"), "America/Toronto")).toBe(
      "2026-11-01T01:30",
    );
  });

  it("round-trips every half hour of a year across both DST changes", () => {
    const zone = "America/Toronto";
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 30 * 60_000) {
      const shown = toDateTimeInput(new Date(t), zone);
      const back = fromDateTimeInput(shown, zone)!.getTime();
      // The repeated hour of fall-back reads back as its first occurrence, an hour earlier.
      expect([t, t - 3600_000]).toContain(back);
    }
  });

  it("gives the day on the user's clock", () => {
    expect(isoDayIn(new Date("2026-12-09T03:00:00Z"), "America/Toronto")).toBe("2026-12-08");
    expect(isoDayIn(new Date("2026-12-09T03:00:00Z"), "UTC")).toBe("2026-12-09");
  });

  it("drops seconds from what it shows and refuses what is not a time", () => {
    expect(toDateTimeInput(new Date("2026-12-08T22:00:42Z"), "America/Toronto")).toBe(
      "2026-12-08T17:00",
    );
    expect(fromDateTimeInput("", "America/Toronto")).toBeUndefined();
    expect(fromDateTimeInput("  ", "America/Toronto")).toBeUndefined();
    expect(fromDateTimeInput("2026-02-30T10:00", "America/Toronto")!.getTime()).toBeNaN();
    expect(fromDateTimeInput("tomorrow", "America/Toronto")!.getTime()).toBeNaN();
  });

  it("does not depend on the zone of the process", () => {
    // Node reads TZ again when it changes: a server far from its users reads the same times.
    const before = process.env.TZ;
    try {
      for (const zone of ["Pacific/Kiritimati", "America/Adak", "UTC"]) {
        process.env.TZ = zone;
        expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBeNaN();
        expect(toDateTimeInput(tuesdayFivePm, "America/Toronto")).toBe("2026-12-08T17:00");
        expect(fromDateTimeInput("2026-12-08T17:00", "America/Toronto")).toEqual(tuesdayFivePm);
        expect(formatDateTime(tuesdayFivePm, toronto)).toBe("Tue, Dec 8, 2026, 5:00 PM EST");
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe("countdowns", () => {
  const ON: BusinessCalendar = { timeZone: "America/Toronto", country: "CA", subdivision: "ON" };
  const at = (wall: string) => zonedDate(wall, "America/Toronto");
  const clock = { ...toronto, deviceZone: "UTC" };

  // prettier-ignore
  it.each([
    { why: "Friday 2 PM to Tuesday 5 PM: 2 business days and 3 hours", now: "2026-12-04 14:00", due: "2026-12-08 17:00", shown: "2 business days left — Tue, Dec 8, 5:00 PM EST" },
    { why: "1.6 business days reads 2", now: "2026-12-07 11:48", due: "2026-12-08 17:00", shown: "2 business days left — Tue, Dec 8, 5:00 PM EST" },
    { why: "exactly one business day", now: "2026-12-07 17:00", due: "2026-12-08 17:00", shown: "1 business day left — Tue, Dec 8, 5:00 PM EST" },
    { why: "the same afternoon", now: "2026-12-08 14:00", due: "2026-12-08 17:00", shown: "3 business hours left — Tue, Dec 8, 5:00 PM EST" },
    { why: "the last minutes", now: "2026-12-08 16:45", due: "2026-12-08 17:00", shown: "Less than a business hour left — Tue, Dec 8, 5:00 PM EST" },
    { why: "over the weekend nothing counts down", now: "2026-12-05 10:00", due: "2026-12-07 09:00", shown: "Due Mon, Dec 7, 9:00 AM EST" },
    { why: "past due", now: "2026-12-09 10:00", due: "2026-12-08 17:00", shown: "Overdue since Tue, Dec 8, 5:00 PM EST" },
  ])("$why", ({ now, due, shown }) => {
    const countdown = countdownTo(at(due), ON, at(now));
    expect(formatCountdown(countdown, clock, { now: at(now) })).toBe(shown);
  });

  it("counts the user's own business hours, not 8-hour days", () => {
    const short: BusinessCalendar = { ...ON, hours: { start: "10:00", end: "14:00" } };
    // Monday 10:00 to Tuesday 14:00 is 8 business hours: two 4-hour days.
    const countdown = countdownTo(at("2026-12-08 14:00"), short, at("2026-12-07 10:00"));
    expect(countdown).toMatchObject({ msLeft: 8 * 3600_000, dayMs: 4 * 3600_000 });
    expect(formatCountdown(countdown, clock, { now: at("2026-12-07 10:00") })).toBe(
      "2 business days left — Tue, Dec 8, 2:00 PM EST",
    );
  });

  it("counts the regulator clock in calendar days", () => {
    const now = at("2026-12-04 17:00");
    const countdown: Countdown = countdownTo(at("2026-12-14 17:00"), ON, now, "calendar");
    expect(formatCountdown(countdown, clock, { now })).toBe(
      "10 days left — Mon, Dec 14, 5:00 PM EST",
    );
    const reached = countdownTo(at("2026-12-01 09:00"), ON, now, "calendar");
    expect(formatCountdown(reached, clock, { now })).toBe("Since Tue, Dec 1, 9:00 AM EST");
  });
});

describe("the server's offsets, for the browser to write the same text", () => {
  const year2026 = [Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)] as const;

  it("lists a zone's offsets and abbreviations, with the changes to the second", () => {
    expect(zoneTimeline("America/Toronto", "en-US", ...year2026)).toEqual({
      segments: [
        { from: Date.UTC(2026, 0, 1), offset: -5 * 3600_000, abbreviation: "EST" },
        { from: Date.parse("2026-03-08T07:00:00Z"), offset: -4 * 3600_000, abbreviation: "EDT" },
        { from: Date.parse("2026-11-01T06:00:00Z"), offset: -5 * 3600_000, abbreviation: "EST" },
      ],
      until: Date.UTC(2027, 0, 1),
    });
    expect(zoneTimeline("Asia/Tokyo", "en-US", ...year2026).segments).toHaveLength(1);
    // Lord Howe moves by half an hour.
    expect(
      zoneTimeline("Australia/Lord_Howe", "en-AU", ...year2026).segments.map(
        (s) => s.offset / 60_000,
      ),
    ).toEqual([660, 630, 660]);
  });

  // What a browser whose time-zone data differs from the server's would compute on its own:
  // Vancouver on daylight time all winter (newer tzdata) while the server says PST.
  const vancouver = "America/Vancouver";
  const serverSays: ZoneTimeline = {
    segments: [{ from: Date.UTC(2026, 10, 1), offset: -8 * 3600_000, abbreviation: "PST" }],
    until: Date.UTC(2027, 1, 1),
  };
  const otherData: ZoneTimeline = {
    segments: [{ from: Date.UTC(2026, 10, 1), offset: -7 * 3600_000, abbreviation: "PDT" }],
    until: Date.UTC(2027, 1, 1),
  };
  const evening = new Date("2026-12-06T03:06:00Z");

  it("writes the time the timeline says, whatever the runtime's own data", () => {
    const clock = { timeZone: vancouver, locale: "en-CA" };
    expect(formatDateTime(evening, { ...clock, timeline: serverSays })).toBe(
      "Sat, Dec 5, 2026, 7:06 p.m. PST",
    );
    expect(formatDateTime(evening, { ...clock, timeline: otherData })).toBe(
      "Sat, Dec 5, 2026, 8:06 p.m. PDT",
    );
    expect(formatTime(evening, { ...clock, timeline: otherData })).toBe("8:06 p.m. PDT");
    expect(formatDate(new Date("2026-12-06T07:30:00Z"), { ...clock, timeline: otherData })).toBe(
      "Sun, Dec 6, 2026",
    );
    expect(toDateTimeInput(evening, vancouver, otherData)).toBe("2026-12-05T20:06");
    expect(fromDateTimeInput("2026-12-05T20:06", vancouver, otherData)).toEqual(evening);
    expect(fromDateTimeInput("2026-12-05T19:06", vancouver, serverSays)).toEqual(evening);
  });

  it("names the zone by comparing the device's and the user's offsets on the server's data", () => {
    const clock: UserClock = {
      timeZone: vancouver,
      locale: "en-CA",
      timeline: otherData,
      deviceZone: "America/Los_Angeles",
    };
    expect(showsZone(evening, clock)).toBe(true);
    expect(showsZone(evening, { ...clock, deviceTimeline: otherData })).toBe(false);
  });

  it("reads and writes inputs as the runtime does where the data agree, DST included", () => {
    const zone = "America/Toronto";
    const timeline = zoneTimeline(zone, "en-US", Date.UTC(2025, 11, 1), Date.UTC(2027, 1, 1));
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 30 * 60_000) {
      const shown = toDateTimeInput(new Date(t), zone);
      expect(toDateTimeInput(new Date(t), zone, timeline)).toBe(shown);
      expect(fromDateTimeInput(shown, zone, timeline)).toEqual(fromDateTimeInput(shown, zone));
      expect(formatDateTime(new Date(t), { timeZone: zone, locale: "en-US", timeline })).toBe(
        formatDateTime(new Date(t), { timeZone: zone, locale: "en-US" }),
      );
    }
    // The gap and the overlap, as without a timeline.
    expect(fromDateTimeInput("2026-03-08T02:30", zone, timeline)!.toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    expect(fromDateTimeInput("2026-11-01T01:30", zone, timeline)!.toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
  });
});

describe("countdowns and dates in French (fr-CA)", () => {
  const ON: BusinessCalendar = { timeZone: "America/Toronto", country: "CA", subdivision: "ON" };
  const at = (wall: string) => zonedDate(wall, "America/Toronto");
  const french = {
    ...clockOf({ timeZone: "America/Toronto", country: "CA", locale: "fr-CA" }),
    deviceZone: "UTC",
  };

  // prettier-ignore
  it.each([
    { now: "2026-12-04 14:00", due: "2026-12-08 17:00", measure: "business", shown: "2 jours ouvrables restants — mar. 8 déc., 17 h 00 HNE" },
    { now: "2026-12-07 17:00", due: "2026-12-08 17:00", measure: "business", shown: "1 jour ouvrable restant — mar. 8 déc., 17 h 00 HNE" },
    { now: "2026-12-08 14:00", due: "2026-12-08 17:00", measure: "business", shown: "3 heures ouvrables restantes — mar. 8 déc., 17 h 00 HNE" },
    { now: "2026-12-08 16:45", due: "2026-12-08 17:00", measure: "business", shown: "Moins d’une heure ouvrable restante — mar. 8 déc., 17 h 00 HNE" },
    { now: "2026-12-05 10:00", due: "2026-12-07 09:00", measure: "business", shown: "Échéance : lun. 7 déc., 9 h 00 HNE" },
    { now: "2026-12-09 10:00", due: "2026-12-08 17:00", measure: "business", shown: "En retard depuis mar. 8 déc., 17 h 00 HNE" },
    { now: "2026-12-04 17:00", due: "2026-12-14 17:00", measure: "calendar", shown: "10 jours restants — lun. 14 déc., 17 h 00 HNE" },
    { now: "2026-12-04 17:00", due: "2026-12-01 09:00", measure: "calendar", shown: "Depuis mar. 1 déc., 9 h 00 HNE" },
  ] as const)("$shown", ({ now, due, measure, shown }) => {
    const countdown = countdownTo(at(due), ON, at(now), measure);
    expect(formatCountdown(countdown, french, { now: at(now) })).toBe(shown);
  });

  it.each([
    [0, "à l’instant"],
    [-3 * 24 * 3600_000, "il y a 3 jours"],
    [2 * 3600_000, "dans 2 heures"],
  ])("%i ms from now reads %s", (ms, shown) => {
    const now = at("2026-12-08 17:00");
    expect(formatRelative(new Date(now.getTime() + ms), now, french)).toBe(shown);
  });

  it("writes the hour without a leading zero, as the OQLF does (9 h 00, not 09 h 00)", () => {
    const nineAm = at("2026-12-08 09:05");
    const midnight = at("2026-12-08 00:30");
    const timeline = zoneTimeline(
      "America/Toronto",
      "fr-CA",
      Date.UTC(2026, 0, 1),
      Date.UTC(2027, 0, 1),
    );
    // The zone named by the runtime, by the server's timeline, and not named at all.
    expect(formatTime(nineAm, french)).toBe("9 h 05 HNE");
    expect(formatTime(nineAm, { ...french, timeline })).toBe("9 h 05 HNE");
    expect(formatTime(nineAm, { ...french, deviceZone: "America/Toronto" })).toBe("9 h 05");
    expect(formatTime(midnight, { ...french, deviceZone: "America/Toronto" })).toBe("0 h 30");
    expect(formatDateTime(nineAm, french, { now: nineAm })).toBe("mar. 8 déc., 9 h 05 HNE");
    // Ten o'clock and later, and English, are as they were.
    expect(formatTime(at("2026-12-08 10:00"), french)).toBe("10 h 00 HNE");
    expect(formatTime(nineAm, { ...french, locale: "en-CA" })).toBe("9:05 a.m. EST");
    expect(formatTime(nineAm, { ...french, locale: "en-GB" })).toBe("09:05 GMT-5");
  });

  it("writes a date and time the Québec way", () => {
    const fiveDecember = at("2026-12-05 17:00");
    expect(formatDateTime(fiveDecember, french, { now: at("2025-01-01 12:00") })).toContain(
      "5 déc. 2026, 17 h 00",
    );
  });
});

describe("a time of day written without Intl (the browser's pattern from the server)", () => {
  const span = [Date.UTC(2024, 0, 1), Date.UTC(2029, 0, 1)] as const;
  const zones = ["America/Toronto", "Asia/Kolkata", "Europe/London", "Australia/Lord_Howe"];

  it.each(["en-CA", "en-US", "en-GB", "en-AU", "en-IN", "fr-CA", "fr-FR", "fr-CH", "en", "fr"])(
    "%s: every quarter hour of two days, in four zones, named or not, reads as formatTime writes it",
    (locale) => {
      const pattern = timePattern(locale);
      expect(pattern).toBeDefined();
      for (const timeZone of zones) {
        const timeline = zoneTimeline(timeZone, locale, ...span);
        for (const deviceZone of [undefined, timeZone]) {
          const clock: UserClock = {
            timeZone,
            locale,
            timeline,
            ...(deviceZone ? { deviceZone } : {}),
          };
          // A day of winter and one of summer, every 15 minutes.
          for (const start of [Date.UTC(2026, 0, 14), Date.UTC(2026, 6, 14)]) {
            for (let minute = 0; minute < 24 * 60; minute += 15) {
              const date = new Date(start + minute * 60_000);
              expect(formatTimeFrom(pattern!, date, clock)).toBe(formatTime(date, clock));
            }
          }
        }
      }
    },
  );

  /** A user in Toronto whose timeline covers 2026. */
  const torontoIn2026 = (locale: string): UserClock => ({
    timeZone: "America/Toronto",
    locale,
    timeline: zoneTimeline("America/Toronto", locale, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)),
  });

  it("writes French hours without their leading zero and names the zone from the timeline", () => {
    const pattern = timePattern("fr-CA")!;
    const clock = torontoIn2026("fr-CA");
    expect(formatTimeFrom(pattern, new Date("2026-12-08T14:05:00Z"), clock)).toBe("9 h 05 HNE");
  });

  it("leaves to formatTime an instant the timeline does not cover, and a locale it cannot copy", () => {
    const pattern = timePattern("en-US")!;
    const clock = torontoIn2026("en-US");
    expect(formatTimeFrom(pattern, new Date("2028-12-08T22:00:00Z"), clock)).toBeUndefined();
    // Arabic digits are not the pattern's.
    expect(timePattern("ar-EG")).toBeUndefined();
  });
});

describe("the device's own offsets decide, instant by instant, whether the zone is named", () => {
  const offsetsOf = (zone: string) => (instant: number) => offsetAt(instant, zone);

  it("names the zone only where the device's clock differs from the user's", () => {
    const london: UserClock = { timeZone: "Europe/London", locale: "en-GB" };
    // A device on UTC reads London's time in winter only.
    expect(showsZone(tuesdayFivePm, { ...london, deviceOffset: offsetsOf("UTC") })).toBe(false);
    expect(showsZone(julyFivePm, { ...london, deviceOffset: offsetsOf("UTC") })).toBe(true);
    // The device's offsets win over a zone name the server was told.
    expect(
      showsZone(julyFivePm, {
        ...london,
        deviceZone: "Europe/London",
        deviceOffset: offsetsOf("UTC"),
      }),
    ).toBe(true);
    expect(showsZone(julyFivePm, { ...toronto, deviceOffset: offsetsOf("America/New_York") })).toBe(
      false,
    );
    expect(showsZone(julyFivePm, { ...toronto, deviceOffset: offsetsOf("Asia/Tokyo") })).toBe(true);
  });
});
