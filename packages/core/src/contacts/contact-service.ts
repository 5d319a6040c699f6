import type { Database } from "@caseward/db";
import { and, eq, inArray, sql } from "@caseward/db";
import { cases, channels, contacts, questions } from "@caseward/db/schema";

import { caseStatusAfterContact } from "../cases/status";
import { invalidField, notFound } from "../errors";
import type { LogContactInput } from "./schemas";
import { logContactInput } from "./schemas";

/** Records one contact on a case and moves the case to where it now stands. */
export async function logContact(db: Database, userId: string, input: LogContactInput) {
  const parsed = logContactInput.parse(input);
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: cases.id, companyId: cases.companyId })
      .from(cases)
      .where(and(eq(cases.id, parsed.caseId), eq(cases.ownerId, userId)))
      .for("update");
    if (!found) throw notFound("Case");

    let channelKind = parsed.channelKind;
    if (parsed.channelId) {
      const [channel] = await tx
        .select({ kind: channels.kind })
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
          .set({ answer, answeredAt, answeredInContactId: contact!.id })
          .where(and(eq(questions.id, questionId), eq(questions.ownerId, userId)));
      }
    }

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
      })
      .where(and(eq(cases.id, found.id), eq(cases.ownerId, userId)));
    return contact!;
  });
}
