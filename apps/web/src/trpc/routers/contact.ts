import { contactTimeInput, logContact, logContactInput, updateContactTime } from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { protectedProcedure } from "../init";

export const contactRouter = {
  log: protectedProcedure
    .input(logContactInput)
    .mutation(({ ctx, input }) => logContact(ctx.db, ctx.user.id, input, ctx.scheduleTimers)),
  updateTime: protectedProcedure
    .input(contactTimeInput)
    .mutation(({ ctx, input }) =>
      updateContactTime(ctx.db, ctx.user.id, input, ctx.scheduleTimers),
    ),
} satisfies TRPCRouterRecord;
