import {
  getSettings,
  inboundAddressOf,
  renewInboundAddress,
  revokeCalendarToken,
  rotateCalendarToken,
  settingsInput,
  updateSettings,
} from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { env } from "~/env";

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
  /** The user's private Caseward address (made the first time it is asked for). */
  inboundAddress: protectedProcedure.query(({ ctx }) =>
    inboundAddressOf(ctx.db, ctx.user.id, env.INBOUND_DOMAIN),
  ),
  /** "Make a new address": the old one, and its case addresses, stop working at once. */
  renewInboundAddress: protectedProcedure.mutation(({ ctx }) =>
    renewInboundAddress(ctx.db, ctx.user.id, env.INBOUND_DOMAIN),
  ),
} satisfies TRPCRouterRecord;
