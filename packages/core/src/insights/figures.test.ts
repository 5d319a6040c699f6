import { describe, expect, it } from "vitest";

import type { BusinessCalendar } from "../calendar";
import type { TimerTally } from "./figures";
import {
  contactsPerResolvedCase,
  deadlineOutcomes,
  escalations,
  median,
  timeToAnswer,
  timeToResolution,
  windowsMissed,
} from "./figures";

// Toronto, 09:00–17:00, Ontario's holidays. November 2026: Mon 2 … Fri 6, Mon 9 … Fri 13.
const toronto: BusinessCalendar = { timeZone: "America/Toronto", country: "CA", subdivision: "ON" };
// Toronto is UTC−5 in November.
const at = (local: string) => new Date(`${local}-05:00`);
const now = at("2026-11-20T12:00:00");

describe("median", () => {
  it.each([
    [[], null],
    [[3], 3],
    [[5, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])("of %j is %s", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe("timeToAnswer: business time in the user's calendar", () => {
  it.each([
    {
      name: "asked Friday 16:00, answered Monday 12:00: half a business day, not 68 hours",
      waits: [["2026-11-06T16:00:00", "2026-11-09T12:00:00"]],
      expected: { medianBusinessDays: 0.5, answers: 1, cases: 1 },
    },
    {
      name: "three answers: the middle one (Tuesday's full day)",
      waits: [
        ["2026-11-06T16:00:00", "2026-11-09T12:00:00"],
        ["2026-11-10T09:00:00", "2026-11-10T17:00:00"],
        ["2026-11-11T10:00:00", "2026-11-13T10:00:00"],
      ],
      expected: { medianBusinessDays: 1, answers: 3, cases: 1 },
    },
    {
      name: "asked on a Saturday, answered Monday 09:30: only Monday's half hour counts",
      waits: [["2026-11-07T10:00:00", "2026-11-09T09:30:00"]],
      expected: { medianBusinessDays: 0.1, answers: 1, cases: 1 },
    },
    {
      name: "nothing answered yet",
      waits: [],
      expected: { medianBusinessDays: null, answers: 0, cases: 0 },
    },
  ])("$name", ({ waits, expected }) => {
    const rows = waits.map(([asked, answered]) => ({
      caseId: "case-1",
      askedAt: at(asked!),
      answeredAt: at(answered!),
    }));
    expect(timeToAnswer(rows, toronto)).toEqual(expected);
  });

  it("counts the cases the answers came from", () => {
    const wait = (caseId: string) => ({
      caseId,
      askedAt: at("2026-11-10T09:00:00"),
      answeredAt: at("2026-11-10T13:00:00"),
    });
    expect(timeToAnswer([wait("a"), wait("b"), wait("a")], toronto).cases).toBe(2);
  });
});

const tally = (
  kind: TimerTally["kind"],
  status: TimerTally["status"],
  count: number,
  extra: Partial<TimerTally> = {},
): TimerTally => ({ kind, status, count, pastDue: false, answeredAfterDue: false, ...extra });

describe("deadlineOutcomes (promises), by the evidence pack's rule", () => {
  it.each([
    {
      name: "kept in time: the company came back before the date",
      tallies: [tally("promised_follow_up", "satisfied", 2, { pastDue: true })],
      expected: { kept: 2, broken: 0, keptLate: 0, pending: 0 },
    },
    {
      name: "kept late: it fired, then the company answered after the date — broken, kept late",
      tallies: [tally("promised_follow_up", "fired", 1, { pastDue: true, answeredAfterDue: true })],
      expected: { kept: 0, broken: 1, keptLate: 1, pending: 0 },
    },
    {
      name: "broken and never kept",
      tallies: [tally("promised_follow_up", "fired", 3, { pastDue: true })],
      expected: { kept: 0, broken: 3, keptLate: 0, pending: 0 },
    },
    {
      name: "due and not yet fired by the worker: overdue counts as broken",
      tallies: [tally("promised_follow_up", "pending", 1, { pastDue: true })],
      expected: { kept: 0, broken: 1, keptLate: 0, pending: 0 },
    },
    {
      name: "not due yet: pending; cancelled ones (case closed) are not counted",
      tallies: [
        tally("promised_follow_up", "pending", 2),
        tally("promised_follow_up", "cancelled", 4),
      ],
      expected: { kept: 0, broken: 0, keptLate: 0, pending: 2 },
    },
    {
      name: "response windows are not promises",
      tallies: [tally("response_window", "fired", 5, { pastDue: true })],
      expected: { kept: 0, broken: 0, keptLate: 0, pending: 0 },
    },
  ])("$name", ({ tallies, expected }) => {
    expect(deadlineOutcomes(tallies, "promised_follow_up", now)).toEqual(expected);
  });
});

describe("windowsMissed", () => {
  it.each([
    {
      name: "one met ('they answered' satisfies it), one fired: half missed",
      tallies: [
        tally("response_window", "satisfied", 1, { pastDue: true }),
        tally("response_window", "fired", 1, { pastDue: true }),
      ],
      expected: { share: 0.5, missed: 1, decided: 2 },
    },
    {
      name: "a running window and a replaced (cancelled) one are not decided",
      tallies: [tally("response_window", "pending", 1), tally("response_window", "cancelled", 2)],
      expected: { share: null, missed: 0, decided: 0 },
    },
    {
      name: "three met, one overdue",
      tallies: [
        tally("response_window", "satisfied", 3),
        tally("response_window", "pending", 1, { pastDue: true }),
      ],
      expected: { share: 0.25, missed: 1, decided: 4 },
    },
  ])("$name", ({ tallies, expected }) => {
    expect(windowsMissed(tallies, now)).toEqual(expected);
  });
});

describe("escalations", () => {
  it("counts the company's deadlines that fired, not the regulator clock", () => {
    expect(
      escalations([
        tally("response_window", "fired", 2, { pastDue: true }),
        tally("promised_follow_up", "fired", 1, { pastDue: true }),
        tally("regulator_eligibility", "fired", 1, { pastDue: true }),
        tally("response_window", "satisfied", 4),
      ]),
    ).toBe(3);
  });
});

describe("timeToResolution", () => {
  it.each([
    {
      name: "opened Monday 09:00, resolved Wednesday 17:00: three business days",
      cases: [["2026-11-02T09:00:00", "2026-11-04T17:00:00"]],
      expected: { medianBusinessDays: 3, cases: 1 },
    },
    {
      name: "over a weekend: Friday 13:00 to Monday 13:00 is one business day",
      cases: [["2026-11-06T13:00:00", "2026-11-09T13:00:00"]],
      expected: { medianBusinessDays: 1, cases: 1 },
    },
    { name: "none resolved", cases: [], expected: { medianBusinessDays: null, cases: 0 } },
  ])("$name", ({ cases, expected }) => {
    const rows = cases.map(([opened, closed]) => ({
      openedAt: at(opened!),
      closedAt: at(closed!),
    }));
    expect(timeToResolution(rows, toronto)).toEqual(expected);
  });
});

describe("contactsPerResolvedCase", () => {
  it.each([
    [7, 2, 3.5],
    [5, 3, 1.7],
    [4, 0, null],
  ])("%i contacts over %i resolved cases: %s", (contacts, resolved, expected) => {
    expect(contactsPerResolvedCase(contacts, resolved)).toBe(expected);
  });
});
