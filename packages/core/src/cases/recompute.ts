import type { Executor } from "@caseward/db";
import { and, asc, eq, sql } from "@caseward/db";
import { cases, channels, companies, contacts } from "@caseward/db/schema";
import type { CaseStatus } from "@caseward/db/vocabulary";

import { suggestNextChannel } from "../channels/ladder";
import { responseDueAt } from "../escalation/response-window";
import type { ScheduledTimer } from "../escalation/timer-service";
import { applyTimerChanges, cancelReminders, timersOfCase } from "../escalation/timer-service";
import { cancelUnsentCaseEmails } from "../outbox/queries";
import { ownCase } from "../ownership";
import { getSettings } from "../settings/settings-service";
import type { CasePlan, PlanRules } from "./case-plan";
import { decideCaseChange, planCase } from "./case-plan";
import { closedStatuses } from "./status";

/** A case as its status and deadlines are worked out: its row, and the plan of its contacts. */
export interface CaseSnapshot {
  caseId: string;
  companyId: string;
  status: CaseStatus;
  /** Resolved or abandoned by the user (with a closing note): only a reopen moves it. */
  closedByUser: boolean;
  plan: CasePlan;
  /** What the plan follows from besides the contacts: kept for a recompute where only they moved. */
  rules: PlanRules;
}

/** The facts of the case's contacts that its plan reads. */
const contactFacts = (tx: Executor, userId: string, caseId: string) =>
  tx
    .select({
      id: contacts.id,
      channelId: contacts.channelId,
      channelKind: contacts.channelKind,
      direction: contacts.direction,
      outcome: contacts.outcome,
      startedAt: contacts.startedAt,
      followUpDueAt: contacts.followUpDueAt,
      createdAt: contacts.createdAt,
    })
    .from(contacts)
    .where(and(eq(contacts.caseId, caseId), eq(contacts.ownerId, userId)));

/**
 * Locks the case (so changes to one case's contacts are worked out one after the other) and
 * reads what its status and deadlines follow from: its contacts, the length of its response
 * window, its company's complaint body. NOT_FOUND unless it is the user's.
 */
export async function caseSnapshot(
  tx: Executor,
  userId: string,
  caseId: string,
): Promise<CaseSnapshot> {
  const found = await ownCase(tx, userId, caseId, {
    columns: {
      id: cases.id,
      companyId: cases.companyId,
      status: cases.status,
      windowDays: cases.responseWindowDays,
      hasClosingNote: sql<boolean>`${cases.closingNote} is not null`,
    },
    forUpdate: true,
  });
  const [facts, [company], settings] = await Promise.all([
    contactFacts(tx, userId, found.id),
    tx
      .select({ body: companies.complaintBody, afterDays: companies.complaintAfterDays })
      .from(companies)
      .where(and(eq(companies.id, found.companyId), eq(companies.ownerId, userId))),
    getSettings(tx, userId),
  ]);
  const rules: PlanRules = {
    responseDueAt: (startedAt) => responseDueAt(startedAt, found.windowDays, settings),
    regulatorAfterDays: company?.body ? (company.afterDays ?? 0) : null,
  };
  return {
    caseId: found.id,
    companyId: found.companyId,
    status: found.status,
    closedByUser: closedStatuses.includes(found.status) && found.hasClosingNote,
    plan: planCase(facts, rules),
    rules,
  };
}

/**
 * The snapshot after a change to the case's contacts only, in the transaction that took
 * `before` (the case is still locked, and its row, its company and the user's settings are as
 * they were): its contacts read again, the rest reused.
 */
async function afterContactsChanged(
  tx: Executor,
  userId: string,
  before: CaseSnapshot,
): Promise<CaseSnapshot> {
  const facts = await contactFacts(tx, userId, before.caseId);
  return { ...before, plan: planCase(facts, before.rules) };
}

/**
 * The one recompute of a case after its contacts changed (logged, edited, deleted, re-timed) or
 * the rules of its deadlines did (its response window, its company's complaint body), inside
 * that change's transaction, given the snapshot taken before it. The status and pending timers
 * follow the contacts by their time (./case-plan.ts); fired and met timers stay as history.
 * Returns the timers to hand to the queue once committed. `changed: "contacts"` says only the
 * case's contacts changed since `before`: the rest of the snapshot is not read again.
 */
export async function recomputeCase(
  tx: Executor,
  userId: string,
  before: CaseSnapshot,
  now = new Date(),
  changed: "contacts" | "rules" = "rules",
): Promise<ScheduledTimer[]> {
  const after =
    changed === "contacts"
      ? await afterContactsChanged(tx, userId, before)
      : await caseSnapshot(tx, userId, before.caseId);
  const timers = await timersOfCase(tx, after.caseId);
  const decided = decideCaseChange({
    before: before.plan,
    after: after.plan,
    current: { status: after.status, closedByUser: after.closedByUser },
    timers,
    now,
  });
  const scheduled = await applyTimerChanges(tx, { userId, caseId: after.caseId }, decided.timers);
  const status = decided.status;
  const owned = and(eq(cases.id, after.caseId), eq(cases.ownerId, userId));
  if (!status) {
    await tx.update(cases).set({ lastContactAt: after.plan.lastContactAt }).where(owned);
    return scheduled;
  }
  const closing = closedStatuses.includes(status);
  await tx
    .update(cases)
    .set({
      status,
      lastContactAt: after.plan.lastContactAt,
      closedAt: closing ? now : null,
      // The case moved: an earlier suggestion no longer stands (a passed deadline gets its own).
      suggestedChannelId: status === "escalation_due" ? await nextStepOf(tx, userId, after) : null,
    })
    .where(owned);
  await cancelReminders(tx, after.caseId);
  if (closing) await cancelUnsentCaseEmails(tx, userId, after.caseId);
  return scheduled;
}

/** The next verified channel up the ladder from the last contact's (ladder.ts), or none. */
async function nextStepOf(tx: Executor, userId: string, snapshot: CaseSnapshot) {
  const latest = snapshot.plan.latest;
  if (!latest) return null;
  const ladder = await tx
    .select({ id: channels.id, kind: channels.kind, status: channels.status })
    .from(channels)
    .where(and(eq(channels.companyId, snapshot.companyId), eq(channels.ownerId, userId)))
    .orderBy(asc(channels.position), asc(channels.createdAt));
  const step = suggestNextChannel(ladder, {
    channelId: latest.channelId,
    kind: latest.channelKind,
  });
  return step.kind === "channel" ? step.channel.id : null;
}

/**
 * Makes a change to a company that the deadlines of its cases follow (its complaint body and
 * after how many days it takes complaints: the regulator clock), then recomputes each of its
 * cases. Returns the change's result and the timers to schedule once committed.
 */
export async function withCompanyCasesRecomputed<T>(
  tx: Executor,
  userId: string,
  companyId: string,
  change: () => Promise<T>,
): Promise<{ result: T; scheduled: ScheduledTimer[] }> {
  const ids = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.companyId, companyId), eq(cases.ownerId, userId)))
    .orderBy(asc(cases.id));
  const before: CaseSnapshot[] = [];
  for (const { id } of ids) before.push(await caseSnapshot(tx, userId, id));
  const result = await change();
  const scheduled: ScheduledTimer[] = [];
  for (const snapshot of before) scheduled.push(...(await recomputeCase(tx, userId, snapshot)));
  return { result, scheduled };
}
