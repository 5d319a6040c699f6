import type { Database } from "@caseward/db";
import { and, eq, sql } from "@caseward/db";
import { cases, channels, contacts } from "@caseward/db/schema";

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
        outcome: parsed.outcome ?? null,
      })
      .returning();

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
