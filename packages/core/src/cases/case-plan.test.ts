import type { CaseStatus, ContactOutcome, TimerKind, TimerStatus } from "@caseward/db/vocabulary";
import { describe, expect, it } from "vitest";

import type { CasePlan, ContactFacts, TimerRow } from "./case-plan";
import { decideCaseChange, planCase } from "./case-plan";

// The rules of the recompute without a database: contacts by their time, deadlines replayed,
// and what a change to the contacts moves. Times are hours from a fixed start.

const start = Date.UTC(2026, 10, 2, 14);
const at = (hours: number) => new Date(start + hours * 3600_000);
const now = at(1000);

/** A contact at hour `hours`; `c("X", 3, "email")` is an outbound email at hour 3. */
function c(
  id: string,
  hours: number,
  kind: ContactFacts["channelKind"],
  more: Partial<ContactFacts> & { outcome?: ContactOutcome | null } = {},
): ContactFacts {
  return {
    id,
    channelId: null,
    channelKind: kind,
    direction: "outbound",
    outcome: null,
    startedAt: at(hours),
    followUpDueAt: null,
    // Entered in the order the table lists them, whatever their time.
    createdAt: at(2000 + id.charCodeAt(0)),
    ...more,
  };
}

// Two days to answer, in plain hours: the business calendar has its own tests.
const rules = {
  responseDueAt: (s: Date) => new Date(s.getTime() + 48 * 3600_000),
  regulatorAfterDays: null,
};
const plan = (contacts: ContactFacts[], afterDays: number | null = null) =>
  planCase(contacts, { ...rules, regulatorAfterDays: afterDays });

const wantedOf = (p: CasePlan) =>
  Object.fromEntries(
    Object.entries(p.wanted).map(([kind, w]) => [
      kind,
      w ? `${w.contactId ?? "case"}@${(w.dueAt.getTime() - start) / 3600_000}` : null,
    ]),
  );

describe("planCase: the deadlines the contacts ask for, in the order they happened", () => {
  it.each<[string, ContactFacts[], Record<string, string | null>, string | null]>([
    ["an email awaits an answer", [c("X", 0, "email")], { response_window: "X@48" }, "X"],
    ["a phone call without outcome does not", [c("X", 0, "phone")], { response_window: null }, "X"],
    [
      "a call where they will come back does",
      [c("X", 0, "phone", { outcome: "waiting_company" })],
      { response_window: "X@48" },
      "X",
    ],
    [
      "their answer satisfies the window",
      [c("X", 0, "email"), c("Y", 5, "email", { direction: "inbound" })],
      { response_window: null },
      "Y",
    ],
    [
      "a backdated answer does not satisfy a newer email",
      [c("X", 5, "email"), c("Y", 1, "email", { direction: "inbound" })],
      { response_window: "X@53" },
      "X",
    ],
    [
      "a newer email replaces the window",
      [c("X", 0, "email"), c("Y", 10, "web_form")],
      { response_window: "Y@58" },
      "Y",
    ],
    [
      "a backdated email does not replace a newer one",
      [c("Y", 10, "email"), c("X", 0, "email")],
      { response_window: "Y@58" },
      "Y",
    ],
    [
      "a call with no answer leaves the email's window waiting",
      [c("X", 0, "email"), c("Y", 10, "phone", { outcome: "no_answer" })],
      { response_window: "X@48" },
      "Y",
    ],
    [
      "a promise has its own deadline, ended by their answer",
      [
        c("X", 0, "phone", { followUpDueAt: at(72) }),
        c("Y", 10, "email", { direction: "inbound" }),
      ],
      { promised_follow_up: null },
      "Y",
    ],
    [
      "a promise stands through a later call of the user",
      [c("X", 0, "phone", { followUpDueAt: at(72) }), c("Y", 10, "phone")],
      { promised_follow_up: "X@72" },
      "Y",
    ],
    [
      "a resolved contact ends both",
      [c("X", 0, "email", { followUpDueAt: at(72) }), c("Y", 10, "phone", { outcome: "resolved" })],
      { response_window: null, promised_follow_up: null },
      "Y",
    ],
  ])("%s", (_title, contacts, wanted, latest) => {
    const planned = plan(contacts);
    expect(wantedOf(planned)).toMatchObject(wanted);
    expect(planned.latest?.id ?? null).toBe(latest);
    // The order they were entered in changes nothing.
    expect(wantedOf(plan([...contacts].reverse()))).toEqual(wantedOf(planned));
  });

  it("runs the regulator clock from the first contact, whatever was entered first", () => {
    const planned = plan([c("Y", 30, "phone"), c("X", 6, "phone")], 30);
    expect(wantedOf(planned).regulator_eligibility).toBe(`case@${6 + 30 * 24}`);
    expect(plan([], 30).wanted.regulator_eligibility).toBeNull();
    expect(plan([c("X", 6, "phone")]).wanted.regulator_eligibility).toBeNull();
  });

  it("says how each replaced deadline ended: answered, or replaced", () => {
    const answered = plan([c("X", 0, "email"), c("Y", 5, "chat", { direction: "inbound" })]);
    expect(answered.ended.get("response_window:X")).toBe("satisfied");
    const replaced = plan([c("X", 0, "email"), c("Y", 5, "email")]);
    expect(replaced.ended.get("response_window:X")).toBe("cancelled");
  });
});

let timerId = 0;
function timer(kind: TimerKind, contactId: string | null, hours: number, status: TimerStatus) {
  return { id: `t${++timerId}`, kind, contactId, dueAt: at(hours), status } satisfies TimerRow;
}

interface Row {
  title: string;
  before: ContactFacts[];
  after: ContactFacts[];
  timers: TimerRow[];
  status: CaseStatus;
  /** Expected: the new status (null: it keeps its own) and the timer changes, in short. */
  expected: { status: CaseStatus | null; timers: string[] };
  closedByUser?: boolean;
  days?: [number | null, number | null];
}

/** A change in short: "end t1 satisfied", "move t1 @53", "start response_window X@58". */
function short(change: ReturnType<typeof decideCaseChange>["timers"][number]) {
  const hours = (d: Date) => (d.getTime() - start) / 3600_000;
  if (change.change === "end") return `end ${change.id} ${change.status}`;
  if (change.change === "move") return `move ${change.id} @${hours(change.dueAt)}`;
  return `start ${change.kind} ${change.contactId ?? "case"}@${hours(change.dueAt)}`;
}

function decide(row: Row) {
  timerId = 0;
  const [daysBefore, daysAfter] = row.days ?? [null, null];
  const decided = decideCaseChange({
    before: plan(row.before, daysBefore),
    after: plan(row.after, daysAfter),
    current: { status: row.status, closedByUser: row.closedByUser ?? false },
    timers: row.timers,
    now,
  });
  return { status: decided.status, timers: decided.timers.map(short) };
}

const X = c("X", 0, "email");
const Y = c("Y", 10, "email");

describe("decideCaseChange: what a change to the contacts moves", () => {
  const rows: (() => Row)[] = [
    // Backdated contacts never override a newer one.
    () => ({
      title: "a backdated email changes nothing",
      before: [Y],
      after: [Y, c("W", 2, "email")],
      timers: [timer("response_window", "Y", 58, "pending")],
      status: "awaiting_company",
      expected: { status: null, timers: [] },
    }),
    () => ({
      title: "a backdated answer from them does not satisfy the newer email",
      before: [Y],
      after: [Y, c("W", 2, "email", { direction: "inbound" })],
      timers: [timer("response_window", "Y", 58, "pending")],
      status: "awaiting_company",
      expected: { status: null, timers: [] },
    }),
    () => ({
      title: "a backdated call does not end an escalation",
      before: [X],
      after: [X, c("W", -5, "phone", { outcome: "waiting_me" })],
      timers: [timer("response_window", "X", 48, "fired")],
      status: "escalation_due",
      expected: { status: null, timers: [] },
    }),
    () => ({
      title: "a newer contact takes over: its window replaces the old",
      before: [X],
      after: [X, Y],
      timers: [timer("response_window", "X", 48, "pending")],
      status: "awaiting_company",
      expected: { status: null, timers: ["end t1 cancelled", "start response_window Y@58"] },
    }),
    () => ({
      title: "their answer satisfies the window and hands the ball to the user",
      before: [X],
      after: [X, c("Y", 10, "email", { direction: "inbound" })],
      timers: [timer("response_window", "X", 48, "pending")],
      status: "awaiting_company",
      expected: { status: "awaiting_me", timers: ["end t1 satisfied"] },
    }),
    // Deleted contacts.
    () => ({
      title: "deleting the newer email brings back the older one's window",
      before: [X, Y],
      after: [X],
      timers: [
        timer("response_window", "X", 48, "cancelled"),
        timer("response_window", "Y", 58, "pending"),
      ],
      status: "awaiting_company",
      expected: { status: null, timers: ["end t2 cancelled", "start response_window X@48"] },
    }),
    () => ({
      title: "deleting the contact logged after an escalation brings the escalation back",
      before: [X, Y],
      after: [X],
      timers: [
        timer("response_window", "X", 48, "fired"),
        timer("response_window", "Y", 58, "pending"),
      ],
      status: "awaiting_company",
      expected: { status: "escalation_due", timers: ["end t2 cancelled"] },
    }),
    () => ({
      title: "deleting their answer brings the window back",
      before: [X, c("Y", 10, "email", { direction: "inbound" })],
      after: [X],
      timers: [timer("response_window", "X", 48, "satisfied")],
      status: "awaiting_me",
      expected: { status: "awaiting_company", timers: ["start response_window X@48"] },
    }),
    () => ({
      title: "deleting the only contact leaves an open case waiting on nothing",
      before: [X],
      after: [],
      timers: [timer("response_window", "X", 48, "pending")],
      status: "awaiting_company",
      expected: { status: "open", timers: ["end t1 cancelled"] },
    }),
    () => ({
      title: "deleting the contact that resolved the case reopens it where the one before left it",
      before: [X, c("Y", 10, "phone", { outcome: "resolved" })],
      after: [X],
      timers: [timer("response_window", "X", 48, "cancelled")],
      status: "resolved",
      expected: { status: "awaiting_company", timers: ["start response_window X@48"] },
    }),
    // Re-timed contacts.
    () => ({
      title: "re-timing the email moves its window",
      before: [X],
      after: [c("X", 5, "email")],
      timers: [timer("response_window", "X", 48, "pending")],
      status: "awaiting_company",
      expected: { status: null, timers: ["move t1 @53"] },
    }),
    () => ({
      title: "re-timing the newer email before the older one hands the window back",
      before: [X, Y],
      after: [X, c("Y", -10, "email")],
      timers: [timer("response_window", "Y", 58, "pending")],
      status: "awaiting_company",
      expected: { status: null, timers: ["end t1 cancelled", "start response_window X@48"] },
    }),
    () => ({
      title: "an escalated email moved into the future waits again",
      before: [X],
      after: [c("X", 990, "email")],
      timers: [timer("response_window", "X", 48, "fired")],
      status: "escalation_due",
      expected: { status: "awaiting_company", timers: ["start response_window X@1038"] },
    }),
    () => ({
      title: "an escalated email moved within the past does not fire twice",
      before: [X],
      after: [c("X", -24, "email")],
      timers: [timer("response_window", "X", 48, "fired")],
      status: "escalation_due",
      expected: { status: null, timers: [] },
    }),
    () => ({
      title: "moving an answered email's date does not start its window again",
      before: [X],
      after: [c("X", 5, "email")],
      timers: [timer("response_window", "X", 48, "satisfied")],
      status: "awaiting_me",
      expected: { status: null, timers: [] },
    }),
    // Edited contacts.
    () => ({
      title: "an email corrected to have come from them: no window, the ball is the user's",
      before: [X],
      after: [c("X", 0, "email", { direction: "inbound" })],
      timers: [timer("response_window", "X", 48, "pending")],
      status: "awaiting_company",
      expected: { status: "awaiting_me", timers: ["end t1 cancelled"] },
    }),
    () => ({
      title: "a call corrected to wait for them starts a window",
      before: [c("X", 0, "phone")],
      after: [c("X", 0, "phone", { outcome: "waiting_company" })],
      timers: [],
      status: "open",
      expected: { status: "awaiting_company", timers: ["start response_window X@48"] },
    }),
    () => ({
      title: "the last contact edited to say it is resolved resolves the case",
      before: [X],
      after: [c("X", 0, "email", { outcome: "resolved" })],
      timers: [
        timer("response_window", "X", 48, "pending"),
        timer("promised_follow_up", "W", 9, "pending"),
      ],
      status: "awaiting_company",
      expected: { status: "resolved", timers: ["end t1 cancelled", "end t2 cancelled"] },
    }),
    () => ({
      title: "a promise given a date starts its deadline",
      before: [c("X", 0, "phone")],
      after: [c("X", 0, "phone", { followUpDueAt: at(72) })],
      timers: [],
      status: "open",
      expected: { status: null, timers: ["start promised_follow_up X@72"] },
    }),
    () => ({
      title: "notes edited (nothing the deadlines follow): the case stays as it is",
      before: [X],
      after: [c("X", 0, "email")],
      timers: [timer("response_window", "X", 48, "satisfied")],
      status: "awaiting_me",
      expected: { status: null, timers: [] },
    }),
    // Closed cases.
    () => ({
      title: "a case the user closed stays closed whatever is logged",
      before: [X],
      after: [X, c("Y", 20, "email")],
      timers: [timer("response_window", "X", 48, "cancelled")],
      status: "resolved",
      closedByUser: true,
      expected: { status: null, timers: [] },
    }),
    () => ({
      title: "a case resolved by its last contact ignores a backdated promise",
      before: [c("Y", 10, "phone", { outcome: "resolved" })],
      after: [
        c("Y", 10, "phone", { outcome: "resolved" }),
        c("W", 1, "phone", { followUpDueAt: at(90) }),
      ],
      timers: [],
      status: "resolved",
      expected: { status: null, timers: [] },
    }),
    () => ({
      title: "a reopened case whose last contact said resolved is not resolved again by an edit",
      before: [c("Y", 10, "phone", { outcome: "resolved" })],
      after: [c("Y", 10, "phone", { outcome: "resolved", followUpDueAt: at(90) })],
      timers: [],
      status: "open",
      expected: { status: null, timers: ["start promised_follow_up Y@90"] },
    }),
    () => ({
      title: "a reopened case: an edit that changes no deadline starts none",
      before: [X],
      after: [c("X", 0, "email")],
      timers: [timer("response_window", "X", 48, "cancelled")],
      status: "awaiting_company",
      expected: { status: null, timers: [] },
    }),
    // The regulator clock.
    () => ({
      title: "a complaint body named later starts the clock at the first contact",
      before: [X, Y],
      after: [X, Y],
      timers: [timer("response_window", "Y", 58, "pending")],
      status: "awaiting_company",
      days: [null, 30],
      expected: { status: null, timers: [`start regulator_eligibility case@${30 * 24}`] },
    }),
    () => ({
      title: "its days changing moves the clock",
      before: [X],
      after: [X],
      timers: [timer("regulator_eligibility", null, 30 * 24, "pending")],
      status: "open",
      days: [30, 45],
      expected: { status: null, timers: [`move t1 @${45 * 24}`] },
    }),
    () => ({
      title: "the first contact re-timed moves the clock",
      before: [X, Y],
      after: [c("X", -48, "email"), Y],
      timers: [
        timer("regulator_eligibility", null, 30 * 24, "pending"),
        timer("response_window", "Y", 58, "pending"),
      ],
      status: "awaiting_company",
      days: [30, 30],
      expected: { status: null, timers: [`move t1 @${30 * 24 - 48}`] },
    }),
    () => ({
      title: "the complaint body removed cancels the clock",
      before: [X],
      after: [X],
      timers: [timer("regulator_eligibility", null, 30 * 24, "pending")],
      status: "open",
      days: [30, null],
      expected: { status: null, timers: ["end t1 cancelled"] },
    }),
  ];

  it.each(rows.map((row) => [row().title, row] as const))("%s", (_title, row) => {
    const r = row();
    expect(decide(r)).toEqual(r.expected);
  });
});
