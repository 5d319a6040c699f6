import { addChannel, channelInput } from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { protectedProcedure } from "../init";

export const channelRouter = {
  add: protectedProcedure
    .input(channelInput)
    .mutation(({ ctx, input }) => addChannel(ctx.db, ctx.user.id, input)),
} satisfies TRPCRouterRecord;
