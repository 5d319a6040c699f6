import { companyId, getCompanyReport, getInsights, insightsInput } from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { protectedProcedure } from "../init";

export const insightsRouter = {
  companyReport: protectedProcedure
    .input(companyId)
    .query(({ ctx, input }) => getCompanyReport(ctx.db, ctx.user.id, input.companyId)),
  overview: protectedProcedure
    .input(insightsInput)
    .query(({ ctx, input }) => getInsights(ctx.db, ctx.user.id, input)),
} satisfies TRPCRouterRecord;
