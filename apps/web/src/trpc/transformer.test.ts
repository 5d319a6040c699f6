import superjson from "superjson";
import { describe, expect, it } from "vitest";

import { serialize } from "./transformer";

const wire = (envelope: unknown) => JSON.stringify(envelope);
const readBack = (envelope: unknown) =>
  superjson.deserialize(JSON.parse(wire(envelope)) as Parameters<typeof superjson.deserialize>[0]);

const at = (iso: string) => new Date(iso);

/** A dashboard-like answer: groups of rows with dates, nulls, nested objects and counts. */
const list = {
  groups: {
    needs_attention: [
      {
        id: "a",
        title: "Refund for a cancelled flight",
        lastContactAt: null,
        createdAt: at("2026-11-20T10:00:00.123Z"),
        flaggedAt: at("2026-11-21T08:30:00Z"),
        company: { id: "c", name: "Maple Air", officialDomain: "mapleair.ca" },
        match: { where: "contact", snippet: "a «refund» of 200 $" },
        nextDeadline: {
          id: "t",
          kind: "company_response",
          dueAt: at("2026-12-01T15:00:00Z"),
          countdown: {
            dueAt: at("2026-12-01T15:00:00Z"),
            measure: "business",
            msLeft: 1234,
            dayMs: 28_800_000,
            passed: false,
          },
        },
      },
    ],
    resolved: [],
  },
  counts: { needs_attention: 1, resolved: 0 },
  total: 1,
};

describe("the answers' transformer", () => {
  it.each([
    ["a dashboard-like answer", list],
    ["keys with dots and backslashes", { "a.b": { "c\\d": at("2026-01-01T00:00:00Z") } }],
    ["dates in arrays", [at("2026-01-01T00:00:00Z"), [null, at("2026-02-01T00:00:00Z")], "x"]],
    ["numeric keys", { 2: at("2026-01-01T00:00:00Z"), 10: 1, b: [1, 2] }],
    ["no dates", { a: [1, "b", true, null, { c: 0.5 }] }],
    ["a string", "plain"],
    ["null", null],
    ["an object without a prototype", Object.assign(Object.create(null) as object, { a: 1 })],
  ])("writes %s byte for byte as superjson", (_, value) => {
    expect(wire(serialize(value))).toBe(wire(superjson.serialize(value)));
    expect(readBack(serialize(value))).toEqual(value);
  });

  it.each([
    ["undefined", undefined],
    ["an undefined field", { a: undefined, b: at("2026-01-01T00:00:00Z") }],
    ["a Date at the root", at("2026-01-01T00:00:00Z")],
    ["an invalid Date", { a: new Date(Number.NaN) }],
    ["NaN and Infinity", { a: Number.NaN, b: [Number.POSITIVE_INFINITY] }],
    ["-0", { a: [-0] }],
    ["a Map and a Set", { a: new Map([["k", 1]]), b: new Set([1]) }],
    ["a bigint", { a: 10n }],
    // eslint-disable-next-line no-sparse-arrays -- the hole is the case
    ["a hole in an array", { a: [1, , 3] }],
    [
      "a Date with a toJSON of its own",
      { a: Object.assign(at("2026-01-01T00:00:00Z"), { toJSON: () => "x" }) },
    ],
    ["an object with a toJSON", { a: { toJSON: () => "x" } }],
  ])("leaves %s to superjson", (_, value) => {
    expect(serialize(value)).toEqual(superjson.serialize(value));
  });

  it("refuses what superjson refuses", () => {
    const polluted = JSON.parse('{"__proto__": {"a": 1}}') as unknown;
    expect(() => serialize(polluted)).toThrow(/prototype pollution/);
  });

  it("reads back a Date met twice as two equal Dates", () => {
    const due = at("2026-12-01T15:00:00Z");
    const value = { dueAt: due, countdown: { dueAt: due } };
    const back = readBack(serialize(value)) as typeof value;
    expect(back).toEqual(value);
    expect(back.countdown.dueAt).toBeInstanceOf(Date);
    expect(back.countdown.dueAt.getTime()).toBe(due.getTime());
  });

  it("leaves the answer itself unchanged", () => {
    const before = JSON.stringify(list);
    serialize(list);
    expect(JSON.stringify(list)).toBe(before);
    expect(list.groups.needs_attention[0]!.createdAt).toBeInstanceOf(Date);
  });

  it("sends an answer without Dates as it is, and copies one with Dates", () => {
    const rows = { rows: [{ id: "a", at: 1_764_600_000_000, tags: ["x"] }], total: 1 };
    expect(serialize(rows)).toEqual({ json: rows });
    expect(serialize(rows).json).toBe(rows);
    const envelope = serialize(list);
    expect(envelope.json).not.toBe(list);
    expect(envelope.meta?.values).toEqual({
      "groups.needs_attention.0.createdAt": ["Date"],
      "groups.needs_attention.0.flaggedAt": ["Date"],
      "groups.needs_attention.0.nextDeadline.dueAt": ["Date"],
      "groups.needs_attention.0.nextDeadline.countdown.dueAt": ["Date"],
    });
  });
});
