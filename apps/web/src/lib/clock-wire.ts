import type { TimePart, TimePattern, ZoneTimeline } from "@caseward/core/time";

import type { ClockSettings } from "./clock-format";

/**
 * The clock's settings as the signed-in layout sends them to the browser (`ClockProvider`),
 * packed: they are in every signed-in page's payload, and a phone's first document has to fit
 * in one TCP window (14,600 B) to be painted a round trip sooner. The browser expands them back
 * into the very same values.
 */

/**
 * A zone's timeline, in about a quarter of the bytes: thirteen years of a zone with daylight
 * time are ~27 segments, `{from, offset, abbreviation}` each, ~230 B of every signed-in page in
 * brotli as JSON, ~60 B packed.
 *
 * `[unit, start, kinds, steps, end]`, times in `unit` seconds (the largest of 1 h, 30 min,
 * 15 min, 1 min, 1 s that divides them all): `start` the first segment's start, `kinds` the
 * distinct offsets (in seconds) and abbreviations, flat (`[-18000, "EST", -14400, "EDT"]`),
 * `steps` the first segment's kind, then each next segment's distance from the previous one
 * and its kind (`[0, 2287, 1, 5711, 0, …]`), `end` the span's end after the last segment's
 * start. A timeline with a time or an offset that is not a whole second goes as it is.
 */
export type PackedTimeline = [
  unit: number,
  start: number,
  kinds: (number | string)[],
  steps: number[],
  end: number,
];

export type WireTimeline = PackedTimeline | ZoneTimeline;

const units = [3600, 1800, 900, 60, 1];

export function packTimeline(timeline: ZoneTimeline): WireTimeline {
  const { segments, until } = timeline;
  const first = segments[0];
  const times = [...segments.map((segment) => segment.from), until];
  const exact = (ms: number) => Number.isSafeInteger(ms) && ms % 1000 === 0;
  if (!first || !times.every(exact) || !segments.every((s) => exact(s.offset))) return timeline;
  const unit = units.find((u) => times.every((time) => time % (u * 1000) === 0))!;
  const unitMs = unit * 1000;
  const kinds: (number | string)[] = [];
  const kindOf = (offset: number, abbreviation: string) => {
    for (let index = 0; index < kinds.length; index += 2) {
      if (kinds[index] === offset / 1000 && kinds[index + 1] === abbreviation) return index / 2;
    }
    kinds.push(offset / 1000, abbreviation);
    return kinds.length / 2 - 1;
  };
  const steps = [kindOf(first.offset, first.abbreviation)];
  for (let index = 1; index < segments.length; index++) {
    const segment = segments[index]!;
    steps.push(
      (segment.from - segments[index - 1]!.from) / unitMs,
      kindOf(segment.offset, segment.abbreviation),
    );
  }
  return [unit, first.from / unitMs, kinds, steps, (until - segments.at(-1)!.from) / unitMs];
}

export function unpackTimeline(wire: WireTimeline): ZoneTimeline {
  if (!Array.isArray(wire)) return wire;
  const [unit, start, kinds, steps, end] = wire;
  const unitMs = unit * 1000;
  const segment = (from: number, kind: number) => ({
    from,
    offset: (kinds[kind * 2] as number) * 1000,
    abbreviation: kinds[kind * 2 + 1] as string,
  });
  let from = start * unitMs;
  const segments = [segment(from, steps[0]!)];
  for (let index = 1; index < steps.length; index += 2) {
    from += steps[index]! * unitMs;
    segments.push(segment(from, steps[index + 1]!));
  }
  return { segments, until: from + end * unitMs };
}

const fields = ["hour", "minute", "dayPeriod", "zone"] as const;

/**
 * A time pattern's shapes as arrays (`TimePattern`, ~130 B of a page in brotli as objects,
 * ~70 B packed): `[parts, hours, dayPeriods]` for the plain shape, then the named one's parts,
 * then its hours and day periods only when they are not the plain shape's. A part is a literal
 * (a string) or a field (its index in `fields`).
 */
export type PackedTimePattern =
  | [plain: PackedParts, hours: string[], dayPeriods: string[], named: PackedParts]
  | [
      plain: PackedParts,
      hours: string[],
      dayPeriods: string[],
      named: PackedParts,
      namedHours: string[],
      namedDayPeriods: string[],
    ];

type PackedParts = (string | number)[];

const packParts = (parts: TimePart[]): PackedParts =>
  parts.map((part) => ("literal" in part ? part.literal : fields.indexOf(part.field)));

const unpackParts = (parts: PackedParts): TimePart[] =>
  parts.map((part) => (typeof part === "string" ? { literal: part } : { field: fields[part]! }));

const sameTexts = (a: string[], b: string[]) =>
  a.length === b.length && a.every((text, index) => text === b[index]);

export function packTimePattern({ plain, named }: TimePattern): PackedTimePattern {
  const packed = [packParts(plain.parts), plain.hours, plain.dayPeriods, packParts(named.parts)];
  const shared =
    sameTexts(plain.hours, named.hours) && sameTexts(plain.dayPeriods, named.dayPeriods);
  return (shared ? packed : [...packed, named.hours, named.dayPeriods]) as PackedTimePattern;
}

export function unpackTimePattern(packed: PackedTimePattern): TimePattern {
  const [plainParts, hours, dayPeriods, namedParts, namedHours, namedDayPeriods] = packed;
  return {
    plain: { parts: unpackParts(plainParts), hours, dayPeriods },
    named: {
      parts: unpackParts(namedParts),
      hours: namedHours ?? hours,
      dayPeriods: namedDayPeriods ?? dayPeriods,
    },
  };
}

/**
 * The clock's settings as the signed-in layout gives them to `ClockProvider`: its timelines and
 * time pattern packed, the device's timeline left out when the cookie's zone is the user's own.
 */
export interface WireClockSettings extends Omit<
  ClockSettings,
  "timeline" | "deviceTimeline" | "timePattern"
> {
  timeline: WireTimeline;
  /** `"same"`: the user's timeline (the device is in the user's zone). */
  deviceTimeline?: WireTimeline | "same";
  timePattern?: PackedTimePattern;
}

export function packClock({
  timeline,
  deviceTimeline,
  timePattern,
  ...rest
}: ClockSettings): WireClockSettings {
  return {
    ...rest,
    timeline: packTimeline(timeline),
    ...(deviceTimeline
      ? { deviceTimeline: deviceTimeline === timeline ? "same" : packTimeline(deviceTimeline) }
      : {}),
    ...(timePattern ? { timePattern: packTimePattern(timePattern) } : {}),
  };
}
