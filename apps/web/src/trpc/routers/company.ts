import {
  addCompanyDomain,
  companiesWithDomain,
  companyDeletionImpact,
  companyDomainInput,
  companyId,
  companyInput,
  complaintBodyInput,
  createCompany,
  deleteCompany,
  deleteCompanyInput,
  domainId,
  domainProvenanceInput,
  getCompany,
  listCompanies,
  listCompanyCases,
  listChannels,
  removeCompanyDomain,
  sameDomainInput,
  setComplaintBody,
  setDomainProvenance,
  updateCompany,
  updateCompanyInput,
} from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { auditedProcedure } from "../audited";
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
  update: protectedProcedure
    .input(updateCompanyInput)
    .mutation(({ ctx, input }) => updateCompany(ctx.db, ctx.user.id, input)),
  sameDomain: protectedProcedure
    .input(sameDomainInput)
    .query(({ ctx, input }) => companiesWithDomain(ctx.db, ctx.user.id, input)),
  addDomain: protectedProcedure
    .input(companyDomainInput)
    .mutation(({ ctx, input }) => addCompanyDomain(ctx.db, ctx.user.id, input)),
  removeDomain: protectedProcedure
    .input(domainId)
    .mutation(({ ctx, input }) => removeCompanyDomain(ctx.db, ctx.user.id, input)),
  setDomainProvenance: protectedProcedure
    .input(domainProvenanceInput)
    .mutation(({ ctx, input }) => setDomainProvenance(ctx.db, ctx.user.id, input)),
  setComplaintBody: protectedProcedure
    .input(complaintBodyInput)
    .mutation(({ ctx, input }) => setComplaintBody(ctx.db, ctx.user.id, input, ctx.scheduleTimers)),
  deletionImpact: protectedProcedure
    .input(companyId)
    .query(({ ctx, input }) => companyDeletionImpact(ctx.db, ctx.user.id, input.companyId)),
  delete: auditedProcedure({
    kind: "company_deleted",
    input: deleteCompanyInput,
    records: ["companyId"],
  }).mutation(({ ctx, input }) => deleteCompany(ctx.db, ctx.user.id, input)),
} satisfies TRPCRouterRecord;
