import {
  abandonCase,
  abandonCaseInput,
  caseId,
  caseWindowInput,
  deleteCase,
  getCase,
  getCaseInboundAddress,
  markCaseAnswered,
  openCase,
  openCaseInput,
  reopenCase,
  resolveCase,
  resolveCaseInput,
  setCaseResponseWindow,
  updateCase,
  updateCaseInput,
} from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { env } from "~/env";

import { protectedProcedure } from "../init";

export const caseRouter = {
  byId: protectedProcedure
    .input(caseId)
    .query(({ ctx, input }) => getCase(ctx.db, ctx.user.id, input.caseId)),
  open: protectedProcedure
    .input(openCaseInput)
    .mutation(({ ctx, input }) => openCase(ctx.db, ctx.user.id, input)),
  update: protectedProcedure
    .input(updateCaseInput)
    .mutation(({ ctx, input }) => updateCase(ctx.db, ctx.user.id, input)),
  resolve: protectedProcedure
    .input(resolveCaseInput)
    .mutation(({ ctx, input }) => resolveCase(ctx.db, ctx.user.id, input)),
  abandon: protectedProcedure
    .input(abandonCaseInput)
    .mutation(({ ctx, input }) => abandonCase(ctx.db, ctx.user.id, input)),
  reopen: protectedProcedure
    .input(caseId)
    .mutation(({ ctx, input }) => reopenCase(ctx.db, ctx.user.id, input)),
  delete: protectedProcedure
    .input(caseId)
    .mutation(({ ctx, input }) => deleteCase(ctx.db, ctx.user.id, input)),
  markAnswered: protectedProcedure
    .input(caseId)
    .mutation(({ ctx, input }) => markCaseAnswered(ctx.db, ctx.user.id, input.caseId)),
  setResponseWindow: protectedProcedure
    .input(caseWindowInput)
    .mutation(({ ctx, input }) =>
      setCaseResponseWindow(ctx.db, ctx.user.id, input, ctx.scheduleTimers),
    ),
  /** The case's own email address: mail to it is filed into this case. */
  inboundAddress: protectedProcedure
    .input(caseId)
    .query(({ ctx, input }) =>
      getCaseInboundAddress(ctx.db, ctx.user.id, input.caseId, env.INBOUND_DOMAIN),
    ),
} satisfies TRPCRouterRecord;
