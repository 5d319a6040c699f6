import {
  contactIdInput,
  contactTimeInput,
  deleteContact,
  logContact,
  logContactInput,
  updateContact,
  updateContactInput,
  updateContactTime,
} from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { protectedProcedure } from "../init";

export const contactRouter = {
  log: protectedProcedure
    .input(logContactInput)
    .mutation(({ ctx, input }) => logContact(ctx.db, ctx.user.id, input, ctx.scheduleTimers)),
  update: protectedProcedure
    .input(updateContactInput)
    .mutation(({ ctx, input }) => updateContact(ctx.db, ctx.user.id, input, ctx.scheduleTimers)),
  updateTime: protectedProcedure
    .input(contactTimeInput)
    .mutation(({ ctx, input }) =>
      updateContactTime(ctx.db, ctx.user.id, input, ctx.scheduleTimers),
    ),
  delete: protectedProcedure
    .input(contactIdInput)
    .mutation(({ ctx, input }) => deleteContact(ctx.db, ctx.user.id, input, ctx.scheduleTimers)),
} satisfies TRPCRouterRecord;
