import type { Executor } from "@caseward/db";
import { and, eq, inArray } from "@caseward/db";
import { cases, contacts, timers } from "@caseward/db/schema";
import type { ChannelKind, ContactDirection, ContactOutcome } from "@caseward/db/vocabulary";

import { dueAfterBusinessDays } from "../calendar";
import { asynchronousKinds } from "../cases/status";
import type { Settings } from "../settings/settings-service";
import { calendarOf, getSettings } from "../settings/settings-service";

// The response window (PRODUCT.md): how long the company has to answer a contact that awaits
// an answer, counted in the user's business days. Started by the timer service after a contact.

/** PRODUCT.md: async channels wait for an answer unless marked answered; sync ones only when told. */
export function awaitsAnswer(contact: {
  direction: ContactDirection;
  channelKind: ChannelKind;
  outcome: ContactOutcome | null;
}): boolean {
  if (contact.direction !== "outbound") return false;
  if (contact.outcome === "waiting_company") return true;
  return contact.outcome === null && asynchronousKinds.includes(contact.channelKind);
}

/** When the answer to a contact started at `start` is due: the case's own length, else the user's. */
export function responseDueAt(start: Date, caseWindowDays: number | null, settings: Settings) {
  return dueAfterBusinessDays(
    start,
    caseWindowDays ?? settings.responseWindowDays,
    calendarOf(settings),
  );
}

/** The window passed at `firedAt`: one reminder if the user does nothing for one more business day. */
export function reminderDueAt(firedAt: Date, settings: Settings) {
  return dueAfterBusinessDays(firedAt, 1, calendarOf(settings));
}

/**
 * The company answered: the pending response window is satisfied, not fired, and so is a pending
 * promise to follow up (the company came back: the promise counts as kept in the evidence pack).
 */
export async function satisfyResponseWindow(tx: Executor, caseId: string) {
  await tx
    .update(timers)
    .set({ status: "satisfied" })
    .where(
      and(
        eq(timers.caseId, caseId),
        inArray(timers.kind, ["response_window", "promised_follow_up"]),
        eq(timers.status, "pending"),
      ),
    );
}

/**
 * Moves the pending window of a case, or the one a contact started, after the contact's time or
 * the case's length changed (inside that transaction). Returns the moved timers to schedule.
 */
export async function movePendingWindow(
  tx: Executor,
  userId: string,
  of: { caseId: string } | { contactId: string },
) {
  const pending = await tx
    .select({
      id: timers.id,
      startedAt: contacts.startedAt,
      caseWindowDays: cases.responseWindowDays,
    })
    .from(timers)
    .innerJoin(contacts, eq(contacts.id, timers.contactId))
    .innerJoin(cases, eq(cases.id, timers.caseId))
    .where(
      and(
        eq(timers.ownerId, userId),
        "caseId" in of ? eq(timers.caseId, of.caseId) : eq(timers.contactId, of.contactId),
        eq(timers.kind, "response_window"),
        eq(timers.status, "pending"),
      ),
    );
  if (pending.length === 0) return [];
  const settings = await getSettings(tx, userId);
  const moved = [];
  for (const window of pending) {
    const [timer] = await tx
      .update(timers)
      .set({ dueAt: responseDueAt(window.startedAt, window.caseWindowDays, settings) })
      .where(eq(timers.id, window.id))
      .returning({ id: timers.id, dueAt: timers.dueAt });
    moved.push(timer!);
  }
  return moved;
}
