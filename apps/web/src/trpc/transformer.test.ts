import superjson from "superjson";
import { describe, expect, it } from "vitest";

import { serialize, transformer } from "./transformer";

class Money {
  constructor(readonly cents: number) {}
}

const dashboard = {
  groups: {
    needs_attention: [
      {
        id: "c1",
        title: "Refund for a cancelled flight",
        lastContactAt: new Date("2026-11-20T10:00:00Z"),
        createdAt: new Date("2026-10-01T08:30:00Z"),
        flaggedAt: null,
        company: { id: "k1", name: "Air Example" },
        match: null,
      },
    ],
    resolved: [],
  },
  counts: { needs_attention: 1, resolved: 0 },
  total: 1,
};

// Answers the short walk writes itself: byte for byte what superjson writes.
const plain: [string, unknown][] = [
  ["a dashboard answer with dates", dashboard],
  ["no annotations at all", { a: 1, b: "two", c: [true, false, null], d: {} }],
  ["undefined in objects and arrays", { a: undefined, b: [1, undefined, { c: undefined }] }],
  ["keys with dots and backslashes", { "a.b": { "c\\d": new Date(0) }, "e.": [new Date(1)] }],
  ["a top-level array", [new Date(5), { at: new Date(6) }, "x"]],
  ["an object without prototype", Object.assign(Object.create(null) as object, { a: 1 })],
  ["empty things", { a: [], b: {}, c: "" }],
];

// Answers left to superjson (the walk meets something it does not write).
const special: [string, unknown][] = [
  ["a Map", { a: new Map([["k", 1]]) }],
  ["a Set", { a: [new Set([1, 2])] }],
  ["a BigInt", { a: 10n }],
  ["NaN, Infinity and -0", { a: NaN, b: Infinity, c: -0 }],
  ["an invalid Date", { a: new Date("not a date") }],
  ["a class instance", { a: new Money(5) }],
  ["a Date at the top", new Date(7)],
  ["undefined at the top", undefined],
  ["a string at the top", "plain"],
  ["null at the top", null],
];

describe("the tRPC answer transformer", () => {
  it.each(plain)("writes %s exactly as superjson does", (_, value) => {
    expect(JSON.stringify(serialize(value))).toBe(JSON.stringify(superjson.serialize(value)));
    expect(superjson.deserialize(serialize(value))).toEqual(value);
  });

  it.each(special)("leaves %s to superjson", (_, value) => {
    expect(serialize(value)).toEqual(superjson.serialize(value));
  });

  it("answers dates as Dates on the client after the wire", () => {
    const wire = JSON.parse(JSON.stringify(transformer.serialize(dashboard)));
    const read = transformer.deserialize(wire) as typeof dashboard;
    expect(read.groups.needs_attention[0]!.lastContactAt).toBeInstanceOf(Date);
    expect(read.groups.needs_attention[0]!.lastContactAt.toISOString()).toBe(
      "2026-11-20T10:00:00.000Z",
    );
    expect(read).toEqual(dashboard);
  });

  it("writes an object met twice as two equal copies, and a circular one through superjson", () => {
    const company = { id: "k1", name: "Air Example" };
    const twice = { a: { company }, b: { company } };
    const read = superjson.deserialize(JSON.parse(JSON.stringify(serialize(twice))));
    expect(read).toEqual(twice);

    const circular: Record<string, unknown> = { name: "loop" };
    circular.self = circular;
    expect(serialize(circular)).toEqual(superjson.serialize(circular));
  });
});
