import type { Database } from "@caseward/db";
import type { ChannelStatus } from "@caseward/db/vocabulary";
import { and, eq, inArray, sql } from "@caseward/db";
import { cases, channels, contacts, questions } from "@caseward/db/schema";
import type { z } from "zod";

import { caseStatusAfterContact } from "../cases/status";
import type { ScheduledTimer } from "../escalation/timer-service";
import { movePendingWindow, satisfyResponseWindow } from "../escalation/response-window";
import { cancelReminders, syncTimersAfterContact } from "../escalation/timer-service";
import { invalidField, notFound } from "../errors";
import { ownCase } from "../ownership";
import { insertDisclosures } from "../privacy/disclosure-service";
import { recordRedFlags, redFlagsOfContact } from "../privacy/red-flag-service";
import type { LogContactInput } from "./schemas";
import { contactTimeInput, logContactInput } from "./schemas";

/** Hands new deadlines to the queue once they are committed (the reconciler is the safety net). */
export type ScheduleTimers = (timers: ScheduledTimer[]) => Promise<void>;

/**
 * Records one contact on a case, moves the case to where it now stands and brings its deadlines
 * up to date; then schedules the new deadlines.
 */
export async function logContact(
  db: Database,
  userId: string,
  input: LogContactInput,
  schedule?: ScheduleTimers,
) {
  const parsed = logContactInput.parse(input);
  const { contact, scheduled } = await db.transaction(async (tx) => {
    const found = await ownCase(tx, userId, parsed.caseId, {
      columns: { id: cases.id, companyId: cases.companyId, windowDays: cases.responseWindowDays },
      forUpdate: true,
    });

    let channelKind = parsed.channelKind;
    let channelStatus: ChannelStatus | null = null;
    if (parsed.channelId) {
      const [channel] = await tx
        .select({ kind: channels.kind, status: channels.status })
        .from(channels)
        .where(
          and(
            eq(channels.id, parsed.channelId),
            eq(channels.ownerId, userId),
            eq(channels.companyId, found.companyId),
          ),
        );
      if (!channel) throw invalidField("channelId", "That channel is not one of this company's.");
      channelKind = channel.kind;
      channelStatus = channel.status;
    }

    const [contact] = await tx
      .insert(contacts)
      .values({
        ownerId: userId,
        caseId: found.id,
        channelId: parsed.channelId ?? null,
        channelKind,
        direction: parsed.direction,
        startedAt: parsed.startedAt,
        endedAt: parsed.endedAt ?? null,
        representativeName: parsed.representativeDeclinedName
          ? null
          : parsed.representativeName || null,
        representativeId: parsed.representativeId || null,
        representativeDeclinedName: parsed.representativeDeclinedName,
        referenceNumber: parsed.referenceNumber || null,
        notes: parsed.notes || null,
        transcript: parsed.transcript || null,
        outcome: parsed.outcome ?? null,
        promisedFollowUp: parsed.promisedFollowUp || null,
        followUpDueAt: parsed.followUpDueAt ?? null,
        recorded: parsed.recorded,
      })
      .returning();

    if (parsed.answers.length > 0) {
      const ids = parsed.answers.map((a) => a.questionId);
      const own = await tx
        .select({ id: questions.id })
        .from(questions)
        .where(
          and(
            inArray(questions.id, ids),
            eq(questions.ownerId, userId),
            eq(questions.caseId, found.id),
          ),
        );
      if (own.length !== ids.length) {
        throw invalidField("answers", "A question is not one of this case's.");
      }
      const answeredAt = new Date();
      for (const { questionId, answer } of parsed.answers) {
        await tx
          .update(questions)
          .set({ answer, answeredAt, answeredInContactId: contact!.id, search: null })
          .where(and(eq(questions.id, questionId), eq(questions.ownerId, userId)));
      }
    }

    await insertDisclosures(tx, userId, contact!.id, parsed.disclosures);
    await recordRedFlags(tx, userId, {
      caseId: found.id,
      contactId: contact!.id,
      flags: redFlagsOfContact({
        marked: parsed.redFlags,
        disclosures: parsed.disclosures,
        direction: parsed.direction,
        channelStatus,
        said: [parsed.notes, parsed.transcript, parsed.promisedFollowUp],
      }),
    });

    const status = caseStatusAfterContact({
      direction: parsed.direction,
      channelKind,
      outcome: parsed.outcome ?? null,
    });
    await tx
      .update(cases)
      .set({
        status,
        lastContactAt: sql`greatest(${cases.lastContactAt}, ${parsed.startedAt.toISOString()}::timestamptz)`,
        closedAt: status === "resolved" ? new Date() : null,
        // The user moved: an earlier suggestion no longer stands.
        suggestedChannelId: null,
      })
      .where(and(eq(cases.id, found.id), eq(cases.ownerId, userId)));
    const scheduled = await syncTimersAfterContact(tx, userId, {
      caseId: found.id,
      caseWindowDays: found.windowDays,
      contact: contact!,
    });
    return { contact: contact!, scheduled };
  });
  await scheduleQuietly(schedule, scheduled);
  return contact;
}

async function scheduleQuietly(schedule: ScheduleTimers | undefined, timers: ScheduledTimer[]) {
  if (!schedule || timers.length === 0) return;
  try {
    await schedule(timers);
  } catch {
    // Redis may be away: the deadlines are safe in Postgres and the reconciler schedules them.
  }
}

/** Corrects when a contact happened; the response window it started moves with it. */
export async function updateContactTime(
  db: Database,
  userId: string,
  input: z.input<typeof contactTimeInput>,
  schedule?: ScheduleTimers,
) {
  const parsed = contactTimeInput.parse(input);
  const moved = await db.transaction(async (tx) => {
    const [contact] = await tx
      .update(contacts)
      .set({ startedAt: parsed.startedAt })
      .where(and(eq(contacts.id, parsed.contactId), eq(contacts.ownerId, userId)))
      .returning({ id: contacts.id, caseId: contacts.caseId });
    if (!contact) throw notFound("Contact");
    return movePendingWindow(tx, userId, { contactId: contact.id });
  });
  await scheduleQuietly(schedule, moved);
  return { contactId: parsed.contactId, timers: moved };
}

/** The company answered outside Caseward: the pending window is satisfied, the ball is the user's. */
export async function markCaseAnswered(db: Database, userId: string, caseId: string) {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .update(cases)
      .set({ status: "awaiting_me", suggestedChannelId: null })
      .where(and(eq(cases.id, caseId), eq(cases.ownerId, userId)))
      .returning({ id: cases.id, status: cases.status });
    if (!found) throw notFound("Case");
    await satisfyResponseWindow(tx, caseId);
    await cancelReminders(tx, caseId);
    return found;
  });
}
