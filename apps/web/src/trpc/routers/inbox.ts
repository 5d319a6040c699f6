import {
  countInbox,
  discardFromInbox,
  fileFromInbox,
  fileInboxInput,
  inboxMessageInput,
  listInbox,
  openCaseFromInbox,
  openCaseFromInboxInput,
} from "@caseward/core";
import type { ScheduleTimers } from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { env } from "~/env";
import { protectedProcedure } from "../init";

const filing = (ctx: { scheduleTimers: ScheduleTimers }) => ({
  schedule: ctx.scheduleTimers,
  quotaBytes: env.UPLOAD_QUOTA_MB * 1024 * 1024,
  receivingDomain: env.INBOUND_DOMAIN,
});

export const inboxRouter = {
  list: protectedProcedure.query(({ ctx }) => listInbox(ctx.db, ctx.user.id)),
  count: protectedProcedure.query(({ ctx }) => countInbox(ctx.db, ctx.user.id)),
  file: protectedProcedure
    .input(fileInboxInput)
    .mutation(({ ctx, input }) => fileFromInbox(ctx.db, ctx.user.id, input, filing(ctx))),
  openCase: protectedProcedure
    .input(openCaseFromInboxInput)
    .mutation(({ ctx, input }) => openCaseFromInbox(ctx.db, ctx.user.id, input, filing(ctx))),
  discard: protectedProcedure
    .input(inboxMessageInput)
    .mutation(({ ctx, input }) => discardFromInbox(ctx.db, ctx.user.id, input)),
} satisfies TRPCRouterRecord;
