import type { Database, Executor, Transaction } from "@caseward/db";
import type { ChannelKind, ChannelStatus, ContactDirection } from "@caseward/db/vocabulary";
import { and, eq, inArray, ne } from "@caseward/db";
import {
  cases,
  channels,
  contacts,
  notifications,
  questions,
  redFlags,
  timers,
} from "@caseward/db/schema";
import type { z } from "zod";

import { caseSnapshot, recomputeCase } from "../cases/recompute";
import type { ScheduledTimer } from "../escalation/timer-service";
import { satisfyResponseWindow } from "../escalation/response-window";
import { cancelReminders } from "../escalation/timer-service";
import { notFound, refusal } from "../errors";
import { ownContact } from "../ownership";
import { insertDisclosures } from "../privacy/disclosure-service";
import { recordRedFlags, redFlagsOfContact } from "../privacy/red-flag-service";
import type { LogContactInput, UpdateContactInput } from "./schemas";
import { contactIdInput, contactTimeInput, logContactInput, updateContactInput } from "./schemas";

/** Hands new deadlines to the queue once they are committed (the reconciler is the safety net). */
export type ScheduleTimers = (timers: ScheduledTimer[]) => Promise<void>;

/**
 * The channel a contact was on: one of the case's company's channels (its kind wins over the
 * kind given), or just a kind when it is not on the ladder.
 */
async function channelOfContact(
  tx: Executor,
  userId: string,
  companyId: string,
  given: { channelId?: string; channelKind: ChannelKind },
): Promise<{ channelKind: ChannelKind; channelStatus: ChannelStatus | null }> {
  if (!given.channelId) return { channelKind: given.channelKind, channelStatus: null };
  const [channel] = await tx
    .select({ kind: channels.kind, status: channels.status })
    .from(channels)
    .where(
      and(
        eq(channels.id, given.channelId),
        eq(channels.ownerId, userId),
        eq(channels.companyId, companyId),
      ),
    );
  if (!channel) throw refusal("BAD_REQUEST", "channelNotOfCompany", {}, "channelId");
  return { channelKind: channel.kind, channelStatus: channel.status };
}

/** A contact's fields as stored, from the form's (empty ones cleared). */
function contactValues(
  parsed: Omit<z.output<typeof updateContactInput>, "contactId">,
  channelKind: ChannelKind,
) {
  return {
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
  };
}

/**
 * Records one contact on a case, then works out again where the case stands and what it waits
 * on (from all its contacts by their time: a backdated one does not override a newer one);
 * then schedules the new deadlines.
 */
export async function logContact(
  db: Database,
  userId: string,
  input: LogContactInput,
  schedule?: ScheduleTimers,
) {
  const parsed = logContactInput.parse(input);
  const { contact, scheduled } = await db.transaction((tx) =>
    logContactInTransaction(tx, userId, parsed),
  );
  await scheduleQuietly(schedule, scheduled);
  return contact;
}

/**
 * `logContact` inside a transaction the caller holds (filing an email records the contact and
 * marks the email filed in one commit); the caller schedules the returned deadlines after it.
 */
export async function logContactInTransaction(
  tx: Transaction,
  userId: string,
  parsed: z.output<typeof logContactInput>,
  /**
   * What the caller checked about a channel that is not on the ladder: an email whose sender is
   * on one of the company's official domains (checkChannel) came in on a verified address.
   */
  offLadder: { channelStatus: ChannelStatus | null } = { channelStatus: null },
) {
  const before = await caseSnapshot(tx, userId, parsed.caseId);
  const onLadder = await channelOfContact(tx, userId, before.companyId, parsed);
  const channelKind = onLadder.channelKind;
  const channelStatus = parsed.channelId ? onLadder.channelStatus : offLadder.channelStatus;

  const [contact] = await tx
    .insert(contacts)
    .values({ ownerId: userId, caseId: before.caseId, ...contactValues(parsed, channelKind) })
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
          eq(questions.caseId, before.caseId),
        ),
      );
    if (own.length !== ids.length) {
      throw refusal("BAD_REQUEST", "questionNotOfCase", {}, "answers");
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
    caseId: before.caseId,
    contactId: contact!.id,
    flags: redFlagsOfContact({
      marked: parsed.redFlags,
      disclosures: parsed.disclosures,
      direction: parsed.direction,
      channelStatus,
      said: [parsed.notes, parsed.transcript, parsed.promisedFollowUp],
    }),
  });

  // The user acted on the case: a pending "still nothing?" reminder is moot.
  await cancelReminders(tx, before.caseId);
  const scheduled = await recomputeCase(tx, userId, before, new Date(), "contacts");
  return { contact: contact!, scheduled };
}

/** Hands deadlines to the queue; Redis being away loses nothing (the reconciler schedules them). */
export async function scheduleQuietly(
  schedule: ScheduleTimers | undefined,
  timers: ScheduledTimer[],
) {
  if (!schedule || timers.length === 0) return;
  try {
    await schedule(timers);
  } catch {
    // Redis may be away: the deadlines are safe in Postgres and the reconciler schedules them.
  }
}

/** What the machine found in a contact (the scan of its text, an unverified inbound channel). */
const foundFlags = (contact: {
  direction: ContactDirection;
  channelStatus: ChannelStatus | null;
  said: (string | null | undefined)[];
}) =>
  redFlagsOfContact({
    marked: [],
    disclosures: [],
    direction: contact.direction,
    channelStatus: contact.channelStatus,
    said: contact.said.map((text) => text ?? undefined),
  });

/**
 * Changes a saved contact: every field, through the same rules and full-secret checks as
 * logging it. The red-flag scan runs again on what changed (a sign found in new text is raised
 * and emailed as for a new contact; one whose text is gone goes; what the user marked stays),
 * and the case's status and deadlines are worked out again from its contacts.
 */
export async function updateContact(
  db: Database,
  userId: string,
  input: UpdateContactInput,
  schedule?: ScheduleTimers,
) {
  const parsed = updateContactInput.parse(input);
  const { contact, scheduled } = await db.transaction(async (tx) => {
    const owner = await ownContact(tx, userId, parsed.contactId, {
      columns: { caseId: contacts.caseId },
    });
    // The case is locked first, as every change to its contacts does; then the contact is read.
    const before = await caseSnapshot(tx, userId, owner.caseId);
    const old = await ownContact(tx, userId, parsed.contactId);
    const [{ channelKind, channelStatus }, oldChannel] = await Promise.all([
      channelOfContact(tx, userId, before.companyId, parsed),
      channelOfContact(tx, userId, before.companyId, {
        channelId: old.channelId ?? undefined,
        channelKind: old.channelKind,
      }).catch(() => ({ channelStatus: null })),
    ]);
    const [contact] = await tx
      .update(contacts)
      .set({ ...contactValues(parsed, channelKind), search: null })
      .where(and(eq(contacts.id, old.id), eq(contacts.ownerId, userId)))
      .returning();

    const was = foundFlags({
      direction: old.direction,
      channelStatus: oldChannel.channelStatus,
      said: [old.notes, old.transcript, old.promisedFollowUp],
    }).map((f) => f.kind);
    const now = foundFlags({
      direction: parsed.direction,
      channelStatus,
      said: [parsed.notes, parsed.transcript, parsed.promisedFollowUp],
    });
    const gone = was.filter((kind) => !now.some((f) => f.kind === kind));
    if (gone.length > 0) {
      await tx
        .delete(redFlags)
        .where(
          and(
            eq(redFlags.contactId, old.id),
            eq(redFlags.ownerId, userId),
            inArray(redFlags.kind, gone),
            ne(redFlags.source, "marked"),
          ),
        );
    }
    await recordRedFlags(tx, userId, {
      caseId: old.caseId,
      contactId: old.id,
      flags: now.filter((f) => !was.includes(f.kind)),
    });

    const scheduled = await recomputeCase(tx, userId, before, new Date(), "contacts");
    return { contact: contact!, scheduled };
  });
  await scheduleQuietly(schedule, scheduled);
  return contact;
}

/** Corrects when a contact happened; the case's status and deadlines follow. */
export async function updateContactTime(
  db: Database,
  userId: string,
  input: z.input<typeof contactTimeInput>,
  schedule?: ScheduleTimers,
) {
  const parsed = contactTimeInput.parse(input);
  const moved = await db.transaction(async (tx) => {
    const contact = await ownContact(tx, userId, parsed.contactId, {
      columns: { id: contacts.id, caseId: contacts.caseId },
    });
    const before = await caseSnapshot(tx, userId, contact.caseId);
    await tx
      .update(contacts)
      .set({ startedAt: parsed.startedAt })
      .where(and(eq(contacts.id, contact.id), eq(contacts.ownerId, userId)));
    return recomputeCase(tx, userId, before, new Date(), "contacts");
  });
  await scheduleQuietly(schedule, moved);
  return { contactId: parsed.contactId, timers: moved };
}

/**
 * Deletes a contact with its files, disclosures and warning signs, and works out the case's
 * status and deadlines again without it. Its fired and met deadlines and the emails sent about
 * it stay as the case's history (no longer pointing at it); its advice emails not yet sent are
 * cancelled. Its files are rows (`file_chunks`) and go in the same transaction.
 */
export async function deleteContact(
  db: Database,
  userId: string,
  input: z.input<typeof contactIdInput>,
  schedule?: ScheduleTimers,
) {
  const { contactId } = contactIdInput.parse(input);
  const scheduled = await db.transaction(async (tx) => {
    const contact = await ownContact(tx, userId, contactId, {
      columns: { id: contacts.id, caseId: contacts.caseId },
    });
    const before = await caseSnapshot(tx, userId, contact.caseId);
    const ofContact = and(eq(timers.contactId, contact.id), eq(timers.ownerId, userId));
    await tx
      .update(timers)
      .set({ contactId: null })
      .where(and(ofContact, ne(timers.status, "pending")));
    await tx
      .update(notifications)
      .set({ state: "cancelled" })
      .where(
        and(
          eq(notifications.contactId, contact.id),
          inArray(notifications.state, ["pending", "held"]),
        ),
      );
    await tx
      .update(notifications)
      .set({ contactId: null })
      .where(and(eq(notifications.contactId, contact.id), eq(notifications.ownerId, userId)));
    await tx.delete(contacts).where(and(eq(contacts.id, contact.id), eq(contacts.ownerId, userId)));
    return recomputeCase(tx, userId, before, new Date(), "contacts");
  });
  await scheduleQuietly(schedule, scheduled);
  return { contactId };
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
