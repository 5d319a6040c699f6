import { logContact, logContactInput } from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { protectedProcedure } from "../init";

export const contactRouter = {
  log: protectedProcedure
    .input(logContactInput)
    .mutation(({ ctx, input }) => logContact(ctx.db, ctx.user.id, input)),
} satisfies TRPCRouterRecord;
