import type { Executor } from "@caseward/db";
import { and, desc, eq, lt, or } from "@caseward/db";
import type { AuditEventKind } from "@caseward/db/schema";
import { auditEvents } from "@caseward/db/schema";
import { z } from "zod";

import { refusal } from "../errors";
import type { RequestOrigin } from "./request-origin";

export interface AuditEvent extends RequestOrigin {
  kind: AuditEventKind;
  /** Ids only (case, attachment, ...): never names, notes or anyone's contact details. */
  detail?: Record<string, string>;
}

/** Adds one event to the user's security activity. */
export async function recordAuditEvent(db: Executor, userId: string, event: AuditEvent) {
  const [row] = await db
    .insert(auditEvents)
    .values({
      userId,
      kind: event.kind,
      // Milliseconds, as JavaScript dates hold them: the page cursor then matches exactly.
      occurredAt: new Date(),
      device: event.device.slice(0, 120),
      place: event.place.slice(0, 120),
      detail: event.detail ?? {},
    })
    .returning({ id: auditEvents.id, occurredAt: auditEvents.occurredAt });
  return row!;
}

export const auditLogInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type AuditLogInput = z.input<typeof auditLogInput>;

// The cursor is the last row's (occurred_at, id): the next page starts strictly after it, so
// an event added meanwhile neither repeats nor shifts a page (keyset pagination).
const encodeCursor = (row: { occurredAt: Date; id: string }) =>
  Buffer.from(`${row.occurredAt.toISOString()}|${row.id}`).toString("base64url");

function decodeCursor(cursor: string) {
  const [time, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const occurredAt = new Date(time ?? "");
  if (Number.isNaN(occurredAt.getTime()) || !z.uuid().safeParse(id).success) {
    throw refusal("BAD_REQUEST", "activityPageGone");
  }
  return { occurredAt, id: id! };
}

/** The user's own events, newest first, a page at a time. */
export async function listAuditEvents(db: Executor, userId: string, input: AuditLogInput = {}) {
  const { cursor, limit } = auditLogInput.parse(input);
  const after = cursor ? decodeCursor(cursor) : undefined;
  const rows = await db
    .select({
      id: auditEvents.id,
      kind: auditEvents.kind,
      occurredAt: auditEvents.occurredAt,
      device: auditEvents.device,
      place: auditEvents.place,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.userId, userId),
        after &&
          or(
            lt(auditEvents.occurredAt, after.occurredAt),
            and(eq(auditEvents.occurredAt, after.occurredAt), lt(auditEvents.id, after.id)),
          ),
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit + 1);
  const events = rows.slice(0, limit);
  const last = events.at(-1);
  return { events, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
