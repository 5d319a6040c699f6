import {
  addQuestion,
  addQuestionInput,
  answerQuestion,
  answerQuestionInput,
  deleteQuestion,
  questionId,
  reopenQuestion,
  reorderQuestions,
  reorderQuestionsInput,
  updateQuestion,
  updateQuestionInput,
} from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { auditedProcedure } from "../audited";
import { protectedProcedure } from "../init";

export const questionRouter = {
  add: protectedProcedure
    .input(addQuestionInput)
    .mutation(({ ctx, input }) => addQuestion(ctx.db, ctx.user.id, input)),
  update: protectedProcedure
    .input(updateQuestionInput)
    .mutation(({ ctx, input }) => updateQuestion(ctx.db, ctx.user.id, input)),
  reorder: protectedProcedure
    .input(reorderQuestionsInput)
    .mutation(({ ctx, input }) => reorderQuestions(ctx.db, ctx.user.id, input)),
  answer: protectedProcedure
    .input(answerQuestionInput)
    .mutation(({ ctx, input }) => answerQuestion(ctx.db, ctx.user.id, input)),
  reopen: protectedProcedure
    .input(questionId)
    .mutation(({ ctx, input }) => reopenQuestion(ctx.db, ctx.user.id, input.questionId)),
  delete: auditedProcedure({
    kind: "question_deleted",
    input: questionId,
    records: ["questionId"],
  }).mutation(({ ctx, input }) => deleteQuestion(ctx.db, ctx.user.id, input.questionId)),
} satisfies TRPCRouterRecord;
