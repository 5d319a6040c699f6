import type { Database, Executor } from "@caseward/db";
import { and, asc, eq, gt, sql } from "@caseward/db";
import { cases, contacts, questions } from "@caseward/db/schema";
import type { z } from "zod";

import { refusal } from "../errors";
import { ownCase, ownQuestion } from "../ownership";
import { assertSameItems } from "../ordering";
import type { AddQuestionInput } from "./schemas";
import {
  addQuestionInput,
  answerQuestionInput,
  reorderQuestionsInput,
  updateQuestionInput,
} from "./schemas";

export const questionColumns = {
  id: questions.id,
  caseId: questions.caseId,
  text: questions.text,
  tier: questions.tier,
  position: questions.position,
  answer: questions.answer,
  answeredAt: questions.answeredAt,
  answeredInContactId: questions.answeredInContactId,
  createdAt: questions.createdAt,
};

/** A case's questions in priority order ("need" and "great to have" each keep their order). */
export async function listQuestions(db: Executor, userId: string, caseId: string) {
  return db
    .select(questionColumns)
    .from(questions)
    .where(and(eq(questions.caseId, caseId), eq(questions.ownerId, userId)))
    .orderBy(asc(questions.position), asc(questions.createdAt));
}

export async function addQuestion(db: Database, userId: string, input: AddQuestionInput) {
  const parsed = addQuestionInput.parse(input);
  await ownCase(db, userId, parsed.caseId, { columns: { id: cases.id } });
  const [created] = await db
    .insert(questions)
    .values({
      ownerId: userId,
      caseId: parsed.caseId,
      text: parsed.text,
      tier: parsed.tier,
      position: sql`(select coalesce(max(${questions.position}) + 1, 0) from ${questions} where ${questions.caseId} = ${parsed.caseId})`,
    })
    .returning(questionColumns);
  return created!;
}

export async function updateQuestion(
  db: Database,
  userId: string,
  input: z.input<typeof updateQuestionInput>,
) {
  const parsed = updateQuestionInput.parse(input);
  await ownQuestion(db, userId, parsed.questionId, { columns: questionColumns });
  const [updated] = await db
    .update(questions)
    .set({
      // The blind index is rebuilt from the new text by the next search.
      ...(parsed.text ? { text: parsed.text, search: null } : {}),
      ...(parsed.tier ? { tier: parsed.tier } : {}),
    })
    .where(and(eq(questions.id, parsed.questionId), eq(questions.ownerId, userId)))
    .returning(questionColumns);
  return updated!;
}

export async function reorderQuestions(
  db: Database,
  userId: string,
  input: z.input<typeof reorderQuestionsInput>,
) {
  const parsed = reorderQuestionsInput.parse(input);
  await ownCase(db, userId, parsed.caseId, { columns: { id: cases.id } });
  return db.transaction(async (tx) => {
    const current = await tx
      .select({ id: questions.id })
      .from(questions)
      .where(and(eq(questions.caseId, parsed.caseId), eq(questions.ownerId, userId)))
      .for("update");
    assertSameItems(
      current.map((q) => q.id),
      parsed.questionIds,
      "questions",
    );
    await Promise.all(
      parsed.questionIds.map((id, position) =>
        tx
          .update(questions)
          .set({ position })
          .where(and(eq(questions.id, id), eq(questions.ownerId, userId))),
      ),
    );
    return listQuestions(tx, userId, parsed.caseId);
  });
}

/** Records the answer to a question, and the contact it came from when there is one. */
export async function answerQuestion(
  db: Executor,
  userId: string,
  input: z.input<typeof answerQuestionInput>,
) {
  const parsed = answerQuestionInput.parse(input);
  const question = await ownQuestion(db, userId, parsed.questionId, { columns: questionColumns });
  if (parsed.contactId) {
    const [contact] = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(
          eq(contacts.id, parsed.contactId),
          eq(contacts.ownerId, userId),
          eq(contacts.caseId, question.caseId),
        ),
      );
    if (!contact) throw refusal("BAD_REQUEST", "contactNotOfCase", {}, "contactId");
  }
  const [updated] = await db
    .update(questions)
    .set({
      answer: parsed.answer,
      answeredAt: new Date(),
      answeredInContactId: parsed.contactId ?? null,
      search: null,
    })
    .where(and(eq(questions.id, parsed.questionId), eq(questions.ownerId, userId)))
    .returning(questionColumns);
  return updated!;
}

/** The answer turned out wrong or incomplete: the question is open again. */
export async function reopenQuestion(db: Database, userId: string, questionId: string) {
  await ownQuestion(db, userId, questionId, { columns: questionColumns });
  const [updated] = await db
    .update(questions)
    .set({ answer: null, answeredAt: null, answeredInContactId: null, search: null })
    .where(and(eq(questions.id, questionId), eq(questions.ownerId, userId)))
    .returning(questionColumns);
  return updated!;
}

export async function deleteQuestion(db: Database, userId: string, questionId: string) {
  return db.transaction(async (tx) => {
    const question = await ownQuestion(tx, userId, questionId, { columns: questionColumns });
    await tx
      .delete(questions)
      .where(and(eq(questions.id, questionId), eq(questions.ownerId, userId)));
    await tx
      .update(questions)
      .set({ position: sql`${questions.position} - 1` })
      .where(and(eq(questions.caseId, question.caseId), gt(questions.position, question.position)));
    return { id: questionId };
  });
}
