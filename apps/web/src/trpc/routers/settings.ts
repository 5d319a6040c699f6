import {
  getSettings,
  revokeCalendarToken,
  rotateCalendarToken,
  settingsInput,
  updateSettings,
} from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { protectedProcedure } from "../init";

export const settingsRouter = {
  get: protectedProcedure.query(({ ctx }) => getSettings(ctx.db, ctx.user.id)),
  update: protectedProcedure
    .input(settingsInput)
    .mutation(({ ctx, input }) => updateSettings(ctx.db, ctx.user.id, input)),
  rotateCalendarLink: protectedProcedure.mutation(({ ctx }) =>
    rotateCalendarToken(ctx.db, ctx.user.id),
  ),
  revokeCalendarLink: protectedProcedure.mutation(({ ctx }) =>
    revokeCalendarToken(ctx.db, ctx.user.id),
  ),
} satisfies TRPCRouterRecord;
