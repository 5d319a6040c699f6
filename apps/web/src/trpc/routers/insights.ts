import {
  asksForFreshInsights,
  companyId,
  getCompanyReport,
  getInsights,
  insightsInput,
  rememberedInsights,
} from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { protectedProcedure } from "../init";

export const insightsRouter = {
  companyReport: protectedProcedure
    .input(companyId)
    .query(({ ctx, input }) => getCompanyReport(ctx.db, ctx.user.id, input.companyId)),
  overview: protectedProcedure
    .input(insightsInput)
    // Remembered a few seconds, forgotten on any change the user makes (init.ts); computed
    // again for a request that says `Cache-Control: no-cache`.
    .query(({ ctx, input }) =>
      rememberedInsights(
        ctx.user.id,
        JSON.stringify(input),
        () => getInsights(ctx.db, ctx.user.id, input),
        Date.now(),
        { fresh: asksForFreshInsights(ctx.headers) },
      ),
    ),
} satisfies TRPCRouterRecord;
