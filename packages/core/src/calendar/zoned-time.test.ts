import { describe, expect, it } from "vitest";

import {
  DAY_MS,
  formatInZone,
  instantToWall,
  isoWeekday,
  parseWallTime,
  wallDay,
  wallFromFields,
  wallToInstants,
  zonedDate,
} from "./zoned-time";

describe("zonedDate (wall time in a zone -> UTC instant)", () => {
  // Offsets are written out by hand from the tz rules, not computed with the code under test.
  // prettier-ignore
  it.each([
    { zone: "America/Toronto", wall: "2026-01-15 12:00", utc: "2026-01-15T17:00:00.000Z", why: "EST, UTC-5" },
    { zone: "America/Toronto", wall: "2026-07-01 12:00", utc: "2026-07-01T16:00:00.000Z", why: "EDT, UTC-4" },
    { zone: "America/Toronto", wall: "2026-03-08 01:59", utc: "2026-03-08T06:59:00.000Z", why: "last minute before spring-forward" },
    { zone: "America/Toronto", wall: "2026-03-08 02:30", utc: "2026-03-08T07:30:00.000Z", why: "gap: shifted forward to 03:30 EDT" },
    { zone: "America/Toronto", wall: "2026-03-08 03:00", utc: "2026-03-08T07:00:00.000Z", why: "first minute after the gap" },
    { zone: "America/Toronto", wall: "2026-11-01 01:30", utc: "2026-11-01T05:30:00.000Z", why: "overlap: the earlier (EDT) reading" },
    { zone: "Australia/Sydney", wall: "2026-01-15 12:00", utc: "2026-01-15T01:00:00.000Z", why: "AEDT, UTC+11 (southern summer)" },
    { zone: "Australia/Sydney", wall: "2026-07-01 12:00", utc: "2026-07-01T02:00:00.000Z", why: "AEST, UTC+10" },
    { zone: "Australia/Sydney", wall: "2026-10-04 02:30", utc: "2026-10-03T16:30:00.000Z", why: "gap: becomes 03:30 AEDT" },
    { zone: "Australia/Sydney", wall: "2026-04-05 02:30", utc: "2026-04-04T15:30:00.000Z", why: "overlap: the earlier (AEDT) reading" },
    { zone: "Europe/London", wall: "2026-03-29 01:30", utc: "2026-03-29T01:30:00.000Z", why: "gap: becomes 02:30 BST" },
    { zone: "Europe/London", wall: "2026-10-25 01:30", utc: "2026-10-25T00:30:00.000Z", why: "overlap: the earlier (BST) reading" },
    { zone: "Asia/Kolkata", wall: "2026-06-01 12:00", utc: "2026-06-01T06:30:00.000Z", why: "half-hour offset" },
    { zone: "Asia/Kathmandu", wall: "2026-06-01 12:00", utc: "2026-06-01T06:15:00.000Z", why: "quarter-hour offset" },
    { zone: "Australia/Lord_Howe", wall: "2026-10-04 02:15", utc: "2026-10-03T15:45:00.000Z", why: "30-minute DST gap: becomes 02:45 (+11)" },
    { zone: "UTC", wall: "2026-12-31 23:59:30", utc: "2026-12-31T23:59:30.000Z", why: "seconds are kept" },
  ])("$zone $wall -> $utc ($why)", ({ zone, wall, utc }) => {
    expect(zonedDate(wall, zone).toISOString()).toBe(utc);
  });
});

describe("formatInZone (UTC instant -> wall time)", () => {
  it.each([
    { utc: "2026-03-08T06:59:00Z", zone: "America/Toronto", wall: "2026-03-08 01:59" },
    { utc: "2026-03-08T07:00:00Z", zone: "America/Toronto", wall: "2026-03-08 03:00" },
    { utc: "2026-11-01T05:30:00Z", zone: "America/Toronto", wall: "2026-11-01 01:30" },
    { utc: "2026-11-01T06:30:00Z", zone: "America/Toronto", wall: "2026-11-01 01:30" },
    { utc: "2026-07-01T02:00:00Z", zone: "Australia/Sydney", wall: "2026-07-01 12:00" },
    { utc: "2026-01-01T00:00:00Z", zone: "Pacific/Chatham", wall: "2026-01-01 13:45" },
  ])("$utc in $zone reads $wall", ({ utc, zone, wall }) => {
    expect(formatInZone(new Date(utc), zone)).toBe(wall);
  });

  it("keeps milliseconds", () => {
    expect(instantToWall(Date.UTC(2026, 0, 1, 12, 0, 0, 123), "America/Toronto")).toBe(
      Date.UTC(2026, 0, 1, 7, 0, 0, 123),
    );
  });
});

describe("wallToInstants", () => {
  it("lists both readings of an ambiguous time, earliest first", () => {
    expect(
      wallToInstants(parseWallTime("2026-11-01 01:30"), "America/Toronto").map((i) =>
        new Date(i).toISOString(),
      ),
    ).toEqual(["2026-11-01T05:30:00.000Z", "2026-11-01T06:30:00.000Z"]);
  });

  it("lists none for a time that does not exist", () => {
    expect(wallToInstants(parseWallTime("2026-03-08 02:30"), "America/Toronto")).toEqual([]);
  });

  it.each([
    "America/Toronto",
    "Australia/Sydney",
    "Europe/London",
    "Australia/Lord_Howe",
    "Asia/Jerusalem",
    "America/Santiago",
  ])("round-trips every quarter hour of 2026 in %s", (zone) => {
    const start = Date.UTC(2026, 0, 1);
    for (let instant = start; instant < start + 365 * DAY_MS; instant += 15 * 60_000) {
      expect(wallToInstants(instantToWall(instant, zone), zone)).toContain(instant);
    }
  });
});

describe("helpers", () => {
  it("throws a RangeError for an unknown zone", () => {
    expect(() => zonedDate("2026-01-01 00:00", "Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => zonedDate("2026-01-01 00:00", "")).toThrow(/Unknown time zone/);
  });

  it.each(["2026-02-30 10:00", "2026-11-27", "2026-11-27 25:00", "27/11/2026 10:00"])(
    "rejects %s",
    (text) => {
      expect(() => parseWallTime(text)).toThrow(RangeError);
    },
  );

  it("numbers weekdays ISO-style: 1 = Monday … 7 = Sunday", () => {
    expect(isoWeekday(0)).toBe(4); // 1970-01-01, a Thursday
    expect(isoWeekday(wallDay(parseWallTime("2026-11-30 12:00")))).toBe(1);
    expect(isoWeekday(wallDay(parseWallTime("2026-11-29 12:00")))).toBe(7);
    expect(isoWeekday(wallDay(parseWallTime("1969-12-28 12:00")))).toBe(7); // negative day numbers
  });

  it("does not map years 0–99 to the 1900s", () => {
    expect(new Date(wallFromFields(50, 3, 1)).getUTCFullYear()).toBe(50);
  });
});

describe("instantToWall's offsets remembered by day", () => {
  // What Intl says, read another way: the zone's offset by name ("GMT-03:30"), added.
  const offsetFormats = new Map<string, Intl.DateTimeFormat>();
  const intlWall = (instant: number, timeZone: string) => {
    let format = offsetFormats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
      offsetFormats.set(timeZone, format);
    }
    const name = format.formatToParts(instant).find((part) => part.type === "timeZoneName")!.value;
    const [, sign, hours, minutes] = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name)!;
    const offset = sign ? (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) : 0;
    return instant + offset * 60_000;
  };

  it.each([
    // A change at 02:00 local, 05:30 UTC (half an hour off the UTC hour).
    ["America/St_Johns", "2026-03-06T00:00:00Z"],
    // A half-hour change.
    ["Australia/Lord_Howe", "2026-04-03T00:00:00Z"],
    // A day skipped (29 → 31 December 2011).
    ["Pacific/Apia", "2011-12-28T00:00:00Z"],
    ["Europe/London", "2026-10-23T00:00:00Z"],
    ["America/Santiago", "2026-04-03T00:00:00Z"],
  ])("reads every 7 minutes 13.5 s of a week in %s as Intl does", (timeZone, from) => {
    const start = Date.parse(from);
    const step = 7 * 60_000 + 13_500;
    for (let instant = start; instant < start + 7 * DAY_MS; instant += step) {
      // Twice: the first read learns the day's offset, the second uses it.
      expect(instantToWall(instant, timeZone)).toBe(intlWall(instant, timeZone));
      expect(instantToWall(instant, timeZone)).toBe(intlWall(instant, timeZone));
    }
  });

  it("reads the seconds around a change as Intl does", () => {
    // Europe/Paris, 29 March 2026: 01:00 UTC, 02:00 → 03:00 local.
    const change = Date.parse("2026-03-29T01:00:00Z");
    for (let instant = change - 3_000; instant <= change + 3_000; instant += 250) {
      expect(instantToWall(instant, "Europe/Paris")).toBe(intlWall(instant, "Europe/Paris"));
    }
    expect(instantToWall(change - 1, "Europe/Paris")).toBe(Date.parse("2026-03-29T01:59:59.999Z"));
    expect(instantToWall(change, "Europe/Paris")).toBe(Date.parse("2026-03-29T03:00:00Z"));
  });

  it("still refuses an unknown zone and an invalid instant", () => {
    expect(() => instantToWall(0, "Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => instantToWall(NaN, "Europe/Paris")).toThrow(RangeError);
  });
});
