import {
  addChannel,
  channelId,
  channelInput,
  deleteChannel,
  reorderChannels,
  reorderChannelsInput,
  reportChannel,
  reportChannelInput,
  setPreferredChannel,
  updateChannel,
  updateChannelInput,
  verifyChannel,
} from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { auditedProcedure } from "../audited";
import { protectedProcedure } from "../init";

export const channelRouter = {
  add: protectedProcedure
    .input(channelInput)
    .mutation(({ ctx, input }) => addChannel(ctx.db, ctx.user.id, input)),
  update: protectedProcedure
    .input(updateChannelInput)
    .mutation(({ ctx, input }) => updateChannel(ctx.db, ctx.user.id, input)),
  reorder: protectedProcedure
    .input(reorderChannelsInput)
    .mutation(({ ctx, input }) => reorderChannels(ctx.db, ctx.user.id, input)),
  setPreferred: protectedProcedure
    .input(channelId)
    .mutation(({ ctx, input }) => setPreferredChannel(ctx.db, ctx.user.id, input.channelId)),
  verify: protectedProcedure
    .input(channelId)
    .mutation(({ ctx, input }) => verifyChannel(ctx.db, ctx.user.id, input.channelId)),
  report: protectedProcedure
    .input(reportChannelInput)
    .mutation(({ ctx, input }) => reportChannel(ctx.db, ctx.user.id, input)),
  delete: auditedProcedure({
    kind: "channel_deleted",
    input: channelId,
    records: ["channelId"],
  }).mutation(({ ctx, input }) => deleteChannel(ctx.db, ctx.user.id, input.channelId)),
} satisfies TRPCRouterRecord;
