import { questionTiers } from "@caseward/db/vocabulary";
import { z } from "zod";

import { freeText } from "../privacy/free-text";

const questionText = freeText(500, "question").pipe(
  z.string().min(3, "Write the question in a few words."),
);

export const addQuestionInput = z.object({
  caseId: z.uuid("Unknown case."),
  text: questionText,
  tier: z.enum(questionTiers).default("need"),
});
export type AddQuestionInput = z.input<typeof addQuestionInput>;

export const updateQuestionInput = z.object({
  questionId: z.uuid("Unknown question."),
  text: questionText.optional(),
  tier: z.enum(questionTiers).optional(),
});

export const reorderQuestionsInput = z.object({
  caseId: z.uuid("Unknown case."),
  questionIds: z.array(z.uuid("Unknown question.")).max(500),
});

export const answerText = freeText(5000, "answer").pipe(
  z.string().min(1, "Write the answer you got."),
);

export const answerQuestionInput = z.object({
  questionId: z.uuid("Unknown question."),
  answer: answerText,
  contactId: z.uuid("Unknown contact.").optional(),
});

export const questionId = z.object({ questionId: z.uuid("Unknown question.") });
