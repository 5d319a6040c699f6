import { caseListInput, listCases } from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { protectedProcedure } from "../init";

export const dashboardRouter = {
  cases: protectedProcedure
    .input(caseListInput)
    .query(({ ctx, input }) => listCases(ctx.db, ctx.user.id, input)),
} satisfies TRPCRouterRecord;
