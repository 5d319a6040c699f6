import {
  caseId,
  caseWindowInput,
  getCase,
  markCaseAnswered,
  openCase,
  openCaseInput,
  setCaseResponseWindow,
} from "@caseward/core";
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
  setResponseWindow: protectedProcedure
    .input(caseWindowInput)
    .mutation(({ ctx, input }) =>
      setCaseResponseWindow(ctx.db, ctx.user.id, input, ctx.scheduleTimers),
    ),
} satisfies TRPCRouterRecord;
