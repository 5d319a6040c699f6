import { caseId, getEvidencePack } from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { protectedProcedure } from "../init";

export const evidenceRouter = {
  get: protectedProcedure
    .input(caseId)
    .query(({ ctx, input }) => getEvidencePack(ctx.db, ctx.user.id, input.caseId)),
} satisfies TRPCRouterRecord;
