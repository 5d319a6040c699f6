import { caseId, getCase, markCaseAnswered, openCase, openCaseInput } from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { protectedProcedure } from "../init";

export const caseRouter = {
  byId: protectedProcedure
    .input(caseId)
    .query(({ ctx, input }) => getCase(ctx.db, ctx.user.id, input.caseId)),
  open: protectedProcedure
    .input(openCaseInput)
    .mutation(({ ctx, input }) => openCase(ctx.db, ctx.user.id, input)),
  markAnswered: protectedProcedure
    .input(caseId)
    .mutation(({ ctx, input }) => markCaseAnswered(ctx.db, ctx.user.id, input.caseId)),
} satisfies TRPCRouterRecord;
