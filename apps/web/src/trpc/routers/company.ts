import {
  companyId,
  companyInput,
  complaintBodyInput,
  createCompany,
  getCompany,
  listCompanies,
  listCompanyCases,
  listChannels,
  setComplaintBody,
} from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { protectedProcedure } from "../init";

export const companyRouter = {
  list: protectedProcedure.query(({ ctx }) => listCompanies(ctx.db, ctx.user.id)),
  byId: protectedProcedure.input(companyId).query(async ({ ctx, input }) => {
    const [company, channels, cases] = await Promise.all([
      getCompany(ctx.db, ctx.user.id, input.companyId),
      listChannels(ctx.db, ctx.user.id, input.companyId),
      listCompanyCases(ctx.db, ctx.user.id, input.companyId),
    ]);
    return { ...company, channels, cases };
  }),
  create: protectedProcedure
    .input(companyInput)
    .mutation(({ ctx, input }) => createCompany(ctx.db, ctx.user.id, input)),
  setComplaintBody: protectedProcedure
    .input(complaintBodyInput)
    .mutation(({ ctx, input }) => setComplaintBody(ctx.db, ctx.user.id, input, ctx.scheduleTimers)),
} satisfies TRPCRouterRecord;
