import type {
  CaseStatus,
  ChannelKind,
  ContactDirection,
  ContactOutcome,
  TimerKind,
  TimerStatus,
} from "@caseward/db/vocabulary";
import { timerKinds } from "@caseward/db/vocabulary";

import { awaitsAnswer } from "../escalation/response-window";
import { caseStatusAfterContact, closedStatuses } from "./status";

// Where a case stands and which deadlines it waits on, worked out from its contacts in the order
// they happened (their `started_at`), never the order they were typed in. Pure rules: the
// recompute (./recompute.ts) reads the rows, asks these, and writes what they decide.

/** What the status and deadlines of a case are worked out from, for one contact. */
export interface ContactFacts {
  id: string;
  channelId: string | null;
  channelKind: ChannelKind;
  direction: ContactDirection;
  outcome: ContactOutcome | null;
  startedAt: Date;
  followUpDueAt: Date | null;
  /** Breaks ties between contacts logged with the same time. */
  createdAt: Date;
}

/** A deadline the contacts ask for: which contact started it (none: the regulator clock), when. */
export interface WantedTimer {
  contactId: string | null;
  dueAt: Date;
}

export type TimerEnding = "satisfied" | "cancelled";

export interface CasePlan {
  /** The contact that happened last. */
  latest: ContactFacts | null;
  lastContactAt: Date | null;
  /** The pending deadline of each kind the contacts ask for. */
  wanted: Record<TimerKind, WantedTimer | null>;
  /** How a contact's deadline was ended by a later contact (`kind:contactId`). */
  ended: Map<string, TimerEnding>;
}

export interface PlanRules {
  /** When the answer to a contact started at `startedAt` is due (response-window.ts). */
  responseDueAt: (startedAt: Date) => Date;
  /** Days after the first contact that the company's complaint body takes complaints; null: none named. */
  regulatorAfterDays: number | null;
}

const DAY_MS = 24 * 3600 * 1000;

const endingKey = (kind: TimerKind, contactId: string | null) => `${kind}:${contactId ?? ""}`;

const byTime = (a: ContactFacts, b: ContactFacts) =>
  a.startedAt.getTime() - b.startedAt.getTime() ||
  a.createdAt.getTime() - b.createdAt.getTime() ||
  a.id.localeCompare(b.id);

/**
 * Replays the contacts in time order (PRODUCT.md escalation rules): an outbound contact that
 * awaits an answer starts the response window (replacing an older one), an inbound contact
 * satisfies the window and the promise, a contact that resolved the case ends both, and a promise
 * with a date starts its own deadline. The regulator clock runs from the first contact.
 */
export function planCase(contacts: readonly ContactFacts[], rules: PlanRules): CasePlan {
  const sorted = [...contacts].sort(byTime);
  const ended = new Map<string, TimerEnding>();
  let window: WantedTimer | null = null;
  let promise: WantedTimer | null = null;
  const end = (kind: TimerKind, timer: WantedTimer | null, how: TimerEnding) => {
    if (timer) ended.set(endingKey(kind, timer.contactId), how);
  };
  for (const contact of sorted) {
    if (contact.direction === "inbound" || contact.outcome === "resolved") {
      const how = contact.direction === "inbound" ? "satisfied" : "cancelled";
      end("response_window", window, how);
      end("promised_follow_up", promise, how);
      window = null;
      promise = null;
    }
    if (awaitsAnswer(contact)) {
      end("response_window", window, "cancelled");
      window = { contactId: contact.id, dueAt: rules.responseDueAt(contact.startedAt) };
    }
    if (contact.followUpDueAt) {
      end("promised_follow_up", promise, "cancelled");
      promise = { contactId: contact.id, dueAt: contact.followUpDueAt };
    }
  }
  const first = sorted[0];
  const latest = sorted.at(-1) ?? null;
  return {
    latest,
    lastContactAt: latest?.startedAt ?? null,
    wanted: {
      response_window: window,
      promised_follow_up: promise,
      regulator_eligibility:
        first && rules.regulatorAfterDays !== null
          ? {
              contactId: null,
              dueAt: new Date(first.startedAt.getTime() + rules.regulatorAfterDays * DAY_MS),
            }
          : null,
    },
    ended,
  };
}

/** A timer row of the case, as the recompute reads it. */
export interface TimerRow {
  id: string;
  kind: TimerKind;
  status: TimerStatus;
  contactId: string | null;
  dueAt: Date;
}

export type TimerChange =
  | { change: "start"; kind: TimerKind; contactId: string | null; dueAt: Date }
  | { change: "move"; id: string; dueAt: Date }
  | { change: "end"; id: string; status: TimerEnding };

export interface CaseChange {
  /** The status the case moves to; null when it keeps the one it has. */
  status: CaseStatus | null;
  timers: TimerChange[];
}

const sameWanted = (a: WantedTimer | null, b: WantedTimer | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.contactId === b.contactId &&
    a.dueAt.getTime() === b.dueAt.getTime());

/** The last contact is another one, or says something else about where the case stands. */
const sameLatest = (a: ContactFacts | null, b: ContactFacts | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.id === b.id &&
    a.direction === b.direction &&
    a.channelKind === b.channelKind &&
    a.outcome === b.outcome);

/**
 * Brings the pending timer of one kind to what is now wanted. The same contact asking for it
 * at another time moves it; a deadline of that contact that already fired starts anew only when
 * moved into the future, and one that was met or cancelled stays so. Another contact asking for
 * it ends the old one (satisfied when a later contact answered it) and starts its own, unless
 * that contact's deadline already fired for a date now past.
 */
function followWanted(
  kind: TimerKind,
  was: WantedTimer | null,
  wanted: WantedTimer | null,
  timers: readonly TimerRow[],
  ended: CasePlan["ended"],
  now: Date,
): TimerChange[] {
  const pending = timers.find((t) => t.kind === kind && t.status === "pending");
  if (pending && wanted && pending.contactId === wanted.contactId) {
    return pending.dueAt.getTime() === wanted.dueAt.getTime()
      ? []
      : [{ change: "move", id: pending.id, dueAt: wanted.dueAt }];
  }
  const changes: TimerChange[] = [];
  if (pending) {
    const status = ended.get(endingKey(kind, pending.contactId)) ?? "cancelled";
    changes.push({ change: "end", id: pending.id, status });
  }
  if (!wanted) return changes;
  const past = timers.filter((t) => t.kind === kind && t.contactId === wanted.contactId);
  const fired = past.some((t) => t.status === "fired");
  const moved = was !== null && was.contactId === wanted.contactId;
  const starts = moved
    ? past.every((t) => t.status === "fired") && (!fired || wanted.dueAt > now)
    : !fired || wanted.dueAt > now;
  if (starts) changes.push({ change: "start", kind, ...wanted });
  return changes;
}

/** Where a wanted deadline stands once the changes are made. */
function stateOf(
  kind: TimerKind,
  wanted: WantedTimer,
  timers: readonly TimerRow[],
  changes: readonly TimerChange[],
): TimerStatus | undefined {
  if (changes.some((c) => c.change === "start" && c.kind === kind)) return "pending";
  const rows = timers.filter((t) => t.kind === kind && t.contactId === wanted.contactId);
  const endedNow = new Set(changes.flatMap((c) => (c.change === "end" ? [c.id] : [])));
  const statuses = new Set(rows.filter((t) => !endedNow.has(t.id)).map((t) => t.status));
  return (["pending", "fired", "satisfied"] as const).find((s) => statuses.has(s));
}

/**
 * The status the contacts give a case: resolved when the last one says so; escalation due when
 * the deadline the last contact started has passed; waiting on the user when the company
 * answered it outside Caseward; else what the last contact implies.
 */
function derivedStatus(plan: CasePlan, timers: readonly TimerRow[], changes: TimerChange[]) {
  const { latest } = plan;
  if (!latest) return "open";
  if (latest.outcome === "resolved") return "resolved";
  const ofLatest = (kind: TimerKind) => {
    const wanted = plan.wanted[kind];
    return wanted?.contactId === latest.id ? stateOf(kind, wanted, timers, changes) : undefined;
  };
  if (ofLatest("response_window") === "fired" || ofLatest("promised_follow_up") === "fired") {
    return "escalation_due";
  }
  if (ofLatest("response_window") === "satisfied") return "awaiting_me";
  return caseStatusAfterContact(latest);
}

/**
 * What a change to a case's contacts (or to the rules of its deadlines) does to the case, from
 * its plan before and after. Only what the change touched moves: a deadline whose wanted
 * contact and date are the same is left as it is (so "they answered", a fired escalation or a
 * reopen stand), and the status is worked out again only when the last contact or its deadlines
 * changed. A case the user closed keeps still until they reopen it; a closed case waits on
 * nothing.
 */
export function decideCaseChange(input: {
  before: CasePlan;
  after: CasePlan;
  current: { status: CaseStatus; closedByUser: boolean };
  timers: readonly TimerRow[];
  now: Date;
}): CaseChange {
  const { before, after, current, timers, now } = input;
  if (current.closedByUser) return { status: null, timers: [] };
  const latestChanged = !sameLatest(before.latest, after.latest);
  let deadlinesChanged = false;
  let changes: TimerChange[] = [];
  for (const kind of timerKinds) {
    if (sameWanted(before.wanted[kind], after.wanted[kind])) continue;
    // The regulator clock says when the user may complain, not who has the ball.
    if (kind !== "regulator_eligibility") deadlinesChanged = true;
    changes.push(
      ...followWanted(kind, before.wanted[kind], after.wanted[kind], timers, after.ended, now),
    );
  }
  let status: CaseStatus | null = null;
  if (latestChanged || deadlinesChanged) {
    status = derivedStatus(after, timers, changes);
    // Only a last contact that is new, or newly says so, resolves a case (a reopen stands).
    if (status === "resolved" && !latestChanged) status = null;
  }
  if (closedStatuses.includes(status ?? current.status)) {
    const endedNow = new Set(changes.flatMap((c) => (c.change === "end" ? [c.id] : [])));
    changes = [
      ...changes.filter((c) => c.change === "end"),
      ...timers
        .filter((t) => t.status === "pending" && !endedNow.has(t.id))
        .map((t): TimerChange => ({ change: "end", id: t.id, status: "cancelled" })),
    ];
  }
  return { status: status === current.status ? null : status, timers: changes };
}
