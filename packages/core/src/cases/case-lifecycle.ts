import type { Database, Executor } from "@caseward/db";
import { and, eq } from "@caseward/db";
import { cases } from "@caseward/db/schema";
import type { CaseStatus } from "@caseward/db/vocabulary";
import type { z } from "zod";

import { cancelPendingTimers } from "../escalation/timer-service";
import { notFound } from "../errors";
import { cancelUnsentCaseEmails } from "../outbox/queries";
import { ownCase } from "../ownership";
import { caseSnapshot } from "./recompute";
import type { AbandonCaseInput, ResolveCaseInput, UpdateCaseInput } from "./schemas";
import { abandonCaseInput, caseId, resolveCaseInput, updateCaseInput } from "./schemas";
import { closedStatuses, statusOnReopen } from "./status";

// A case's life after it is opened: edited, resolved or given up, reopened, deleted.

/** What a case's lifecycle changes return: enough for the page to say where the case stands. */
const lifecycleColumns = {
  id: cases.id,
  title: cases.title,
  description: cases.description,
  priority: cases.priority,
  status: cases.status,
  closedAt: cases.closedAt,
  closingNote: cases.closingNote,
  satisfaction: cases.satisfaction,
};

/** Changes a case's title, description and priority, through the rules of opening one. */
export async function updateCase(db: Database, userId: string, input: UpdateCaseInput) {
  const parsed = updateCaseInput.parse(input);
  const [updated] = await db
    .update(cases)
    .set({
      title: parsed.title,
      description: parsed.description || null,
      priority: parsed.priority,
      // Indexed again by the next search (blind index).
      search: null,
    })
    .where(and(eq(cases.id, parsed.caseId), eq(cases.ownerId, userId)))
    .returning(lifecycleColumns);
  if (!updated) throw notFound("Case");
  return updated;
}

/**
 * Closes a case with what the user said about it: nothing it waited on is due any more (its
 * pending timers are cancelled, fired and met ones stay as history) and the emails it still
 * owed are cancelled. Closing an already closed case changes what was said, not when.
 */
async function closeCase(
  tx: Executor,
  userId: string,
  id: string,
  closing: { status: CaseStatus; closingNote: string; satisfaction: number | null },
) {
  const found = await ownCase(tx, userId, id, {
    columns: { id: cases.id, status: cases.status, closedAt: cases.closedAt },
    forUpdate: true,
  });
  const [closed] = await tx
    .update(cases)
    .set({
      ...closing,
      closedAt: found.status === closing.status ? (found.closedAt ?? new Date()) : new Date(),
      suggestedChannelId: null,
    })
    .where(and(eq(cases.id, found.id), eq(cases.ownerId, userId)))
    .returning(lifecycleColumns);
  await cancelPendingTimers(tx, found.id);
  await cancelUnsentCaseEmails(tx, userId, found.id);
  return closed!;
}

/** The problem is solved: the case is resolved with its outcome in one line, and how satisfied. */
export async function resolveCase(db: Database, userId: string, input: ResolveCaseInput) {
  const parsed = resolveCaseInput.parse(input);
  return db.transaction((tx) =>
    closeCase(tx, userId, parsed.caseId, {
      status: "resolved",
      closingNote: parsed.closingNote,
      satisfaction: parsed.satisfaction ?? null,
    }),
  );
}

/** The user gives up on the case, saying why. */
export async function abandonCase(db: Database, userId: string, input: AbandonCaseInput) {
  const parsed = abandonCaseInput.parse(input);
  return db.transaction((tx) =>
    closeCase(tx, userId, parsed.caseId, {
      status: "abandoned",
      closingNote: parsed.closingNote,
      satisfaction: null,
    }),
  );
}

/**
 * Opens a closed case again, where its last contact left it (or `open`). It starts no timer:
 * the next contact that asks for one does. What was said when it closed no longer stands.
 */
export async function reopenCase(db: Database, userId: string, input: z.input<typeof caseId>) {
  const parsed = caseId.parse(input);
  return db.transaction(async (tx) => {
    const snapshot = await caseSnapshot(tx, userId, parsed.caseId);
    const owned = and(eq(cases.id, snapshot.caseId), eq(cases.ownerId, userId));
    if (!closedStatuses.includes(snapshot.status)) {
      const [found] = await tx.select(lifecycleColumns).from(cases).where(owned);
      return found!;
    }
    const [reopened] = await tx
      .update(cases)
      .set({
        status: statusOnReopen(snapshot.plan.latest),
        closedAt: null,
        closingNote: null,
        satisfaction: null,
        suggestedChannelId: null,
      })
      .where(owned)
      .returning(lifecycleColumns);
    return reopened!;
  });
}

/**
 * Deletes a case with everything in it (contacts, questions, files, deadlines, emails) after
 * the user confirmed. Files are rows too (`file_chunks`): they go in the same transaction.
 */
export async function deleteCase(db: Database, userId: string, input: z.input<typeof caseId>) {
  const parsed = caseId.parse(input);
  return db.transaction(async (tx) => {
    const found = await ownCase(tx, userId, parsed.caseId, {
      columns: { id: cases.id, companyId: cases.companyId },
      forUpdate: true,
    });
    await tx.delete(cases).where(and(eq(cases.id, found.id), eq(cases.ownerId, userId)));
    return { caseId: found.id, companyId: found.companyId };
  });
}
