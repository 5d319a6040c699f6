import type { Executor } from "@caseward/db";
import { and, eq, inArray } from "@caseward/db";
import { timers } from "@caseward/db/schema";
import type { ChannelKind, ContactDirection, ContactOutcome } from "@caseward/db/vocabulary";

import { dueAfterBusinessDays } from "../calendar";
import { asynchronousKinds } from "../cases/status";
import type { Settings } from "../settings/settings-service";
import { calendarOf } from "../settings/settings-service";

// The response window (PRODUCT.md): how long the company has to answer a contact that awaits
// an answer, counted in the user's business days. Which contact's window is pending is worked out
// from the case's contacts by the recompute (cases/case-plan.ts), with the due dates from here.

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
