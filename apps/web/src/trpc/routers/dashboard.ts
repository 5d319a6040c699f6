import { caseListFilters, listCases } from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { protectedProcedure } from "../init";

export const dashboardRouter = {
  cases: protectedProcedure
    .input(caseListFilters)
    .query(({ ctx, input }) => listCases(ctx.db, ctx.user.id, input)),
} satisfies TRPCRouterRecord;
