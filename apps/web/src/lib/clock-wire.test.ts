import type { ZoneTimeline } from "@caseward/core/time";
import { timePattern, zoneTimeline } from "@caseward/core/time";
import { describe, expect, it } from "vitest";

import type { ClockSettings } from "./clock-format";
import {
  packClock,
  packTimeline,
  packTimePattern,
  unpackTimeline,
  unpackTimePattern,
} from "./clock-wire";

const dayMs = 86400_000;
const today = Math.floor(Date.UTC(2026, 11, 8) / dayMs);
/** As server/clock.ts makes them: ten years back, three ahead, from a whole day. */
const timelineOf = (zone: string, locale: string) =>
  zoneTimeline(zone, locale, (today - 3653) * dayMs, (today + 1096) * dayMs);

describe("packTimeline: the browser expands exactly the server's timeline", () => {
  it.each([
    ["America/Toronto", "en-CA"],
    ["America/Toronto", "fr-CA"],
    ["America/Vancouver", "en-CA"],
    ["America/St_Johns", "en-CA"],
    ["Australia/Lord_Howe", "en-CA"],
    ["Asia/Kolkata", "en-CA"],
    ["Africa/Casablanca", "fr-CA"],
    ["Asia/Kathmandu", "en-US"],
    ["Pacific/Chatham", "en-CA"],
    ["Europe/Dublin", "en-GB"],
    ["America/Santiago", "en-CA"],
    ["UTC", "en-CA"],
  ])("%s in %s", (zone, locale) => {
    const timeline = timelineOf(zone, locale);
    const packed = packTimeline(timeline);
    expect(Array.isArray(packed)).toBe(true);
    // What the page's payload carries: JSON.
    const wire = JSON.parse(JSON.stringify(packed)) as typeof packed;
    expect(unpackTimeline(wire)).toStrictEqual(timeline);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(timeline).length / 2);
  });

  it("takes half hours as its unit where a zone changes on one (Lord Howe)", () => {
    const packed = packTimeline(timelineOf("Australia/Lord_Howe", "en-CA"));
    expect(Array.isArray(packed) && packed[0]).toBe(1800);
  });

  it("sends a timeline with a time that is not a whole second as it is", () => {
    const odd: ZoneTimeline = {
      segments: [
        { from: 1_000_000_000_500, offset: -18_000_000, abbreviation: "EST" },
        { from: 1_010_000_000_000, offset: -14_400_000, abbreviation: "EDT" },
      ],
      until: 1_020_000_000_000,
    };
    expect(packTimeline(odd)).toBe(odd);
    expect(unpackTimeline(packTimeline(odd))).toStrictEqual(odd);
    const halfSecond = { ...odd, segments: [{ ...odd.segments[1]!, offset: 1500 }] };
    expect(packTimeline(halfSecond)).toBe(halfSecond);
  });

  it("sends an empty timeline as it is", () => {
    const empty: ZoneTimeline = { segments: [], until: 0 };
    expect(unpackTimeline(packTimeline(empty))).toStrictEqual(empty);
  });

  it("keeps one segment per change, with kinds shared between them", () => {
    const timeline: ZoneTimeline = {
      segments: [
        { from: 3600_000, offset: 0, abbreviation: "GMT" },
        { from: 7200_000, offset: 3600_000, abbreviation: "BST" },
        { from: 10_800_000, offset: 0, abbreviation: "GMT" },
        { from: 14_400_000, offset: 3600_000, abbreviation: "IST" },
      ],
      until: 18_000_000,
    };
    expect(packTimeline(timeline)).toStrictEqual([
      3600,
      1,
      [0, "GMT", 3600, "BST", 3600, "IST"],
      [0, 1, 1, 1, 0, 1, 2],
      1,
    ]);
    expect(unpackTimeline(packTimeline(timeline))).toStrictEqual(timeline);
  });
});

describe("packClock", () => {
  const timeline = timelineOf("America/Toronto", "en-CA");
  const base: ClockSettings = {
    timeZone: "America/Toronto",
    locale: "en-CA",
    timeline,
    renderedAt: today * dayMs,
  };

  it("sends the device's timeline as 'same' when it is the user's", () => {
    const wire = packClock({ ...base, deviceZone: "America/Toronto", deviceTimeline: timeline });
    expect(wire.deviceTimeline).toBe("same");
    expect(wire.deviceZone).toBe("America/Toronto");
  });

  it("packs another zone's device timeline, and leaves it out when there is none", () => {
    const other = timelineOf("Europe/Paris", "en-CA");
    const wire = packClock({ ...base, deviceZone: "Europe/Paris", deviceTimeline: other });
    const device = wire.deviceTimeline;
    expect(device !== undefined && device !== "same" && unpackTimeline(device)).toStrictEqual(
      other,
    );
    expect("deviceTimeline" in packClock(base)).toBe(false);
    expect(packClock(base)).toMatchObject({
      timeZone: "America/Toronto",
      renderedAt: base.renderedAt,
    });
  });
});

describe("packTimePattern: the browser expands exactly the server's time pattern", () => {
  it.each(["en-CA", "fr-CA", "en-US", "en-GB", "de-DE", "ja-JP", "ko-KR", "ar-EG", "hi-IN"])(
    "%s",
    (locale) => {
      const pattern = timePattern(locale);
      if (!pattern) return;
      const wire = JSON.parse(JSON.stringify(packTimePattern(pattern))) as ReturnType<
        typeof packTimePattern
      >;
      expect(unpackTimePattern(wire)).toStrictEqual(pattern);
    },
  );

  it("sends the named shape's hours and day periods only when they are not the plain one's", () => {
    const pattern = timePattern("en-CA")!;
    expect(packTimePattern(pattern)).toHaveLength(4);
    const other = {
      ...pattern,
      named: { ...pattern.named, dayPeriods: pattern.named.dayPeriods.map((p) => p.toUpperCase()) },
    };
    expect(packTimePattern(other)).toHaveLength(6);
    expect(unpackTimePattern(packTimePattern(other))).toStrictEqual(other);
  });

  it("is in packClock's settings, and left out when there is none", () => {
    const timeline = timelineOf("America/Toronto", "en-CA");
    const settings: ClockSettings = {
      timeZone: "America/Toronto",
      locale: "en-CA",
      timeline,
      renderedAt: today * dayMs,
    };
    expect("timePattern" in packClock(settings)).toBe(false);
    const pattern = timePattern("en-CA")!;
    const wire = packClock({ ...settings, timePattern: pattern });
    expect(unpackTimePattern(wire.timePattern!)).toStrictEqual(pattern);
  });
});
