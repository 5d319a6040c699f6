import {
  addDisclosure,
  addDisclosureInput,
  breachActionInput,
  breachIdInput,
  breachInput,
  caseId,
  clearCaseFlag,
  companyId,
  deleteBreach,
  deleteDisclosure,
  deleteRedFlag,
  disclosureIdInput,
  disclosureListInput,
  getBreachReport,
  getPrivacyChecklist,
  ledgerByKind,
  listBreaches,
  listDisclosures,
  markRedFlag,
  privacyChecklistInput,
  redFlagIdInput,
  redFlagInput,
  reportBreach,
  savePrivacyChecklist,
  setBreachActionDone,
  setWillingToShare,
  willingToShareInput,
} from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { auditedProcedure } from "../audited";
import { protectedProcedure } from "../init";

export const privacyRouter = {
  checklist: protectedProcedure
    .input(companyId)
    .query(({ ctx, input }) => getPrivacyChecklist(ctx.db, ctx.user.id, input.companyId)),
  saveChecklist: protectedProcedure
    .input(privacyChecklistInput)
    .mutation(({ ctx, input }) => savePrivacyChecklist(ctx.db, ctx.user.id, input)),
  setWillingToShare: protectedProcedure
    .input(willingToShareInput)
    .mutation(({ ctx, input }) => setWillingToShare(ctx.db, ctx.user.id, input)),
  disclosures: protectedProcedure
    .input(disclosureListInput)
    .query(({ ctx, input }) => listDisclosures(ctx.db, ctx.user.id, input)),
  ledger: protectedProcedure.query(async ({ ctx }) =>
    ledgerByKind(await listDisclosures(ctx.db, ctx.user.id)),
  ),
  addDisclosure: protectedProcedure
    .input(addDisclosureInput)
    .mutation(({ ctx, input }) => addDisclosure(ctx.db, ctx.user.id, input)),
  deleteDisclosure: auditedProcedure({
    kind: "disclosure_deleted",
    input: disclosureIdInput,
    records: ["disclosureId"],
  }).mutation(({ ctx, input }) => deleteDisclosure(ctx.db, ctx.user.id, input.disclosureId)),
  markRedFlag: protectedProcedure
    .input(redFlagInput)
    .mutation(({ ctx, input }) => markRedFlag(ctx.db, ctx.user.id, input)),
  deleteRedFlag: auditedProcedure({
    kind: "red_flag_deleted",
    input: redFlagIdInput,
    records: ["redFlagId"],
  }).mutation(({ ctx, input }) => deleteRedFlag(ctx.db, ctx.user.id, input)),
  clearCaseFlag: protectedProcedure
    .input(caseId)
    .mutation(({ ctx, input }) => clearCaseFlag(ctx.db, ctx.user.id, input)),
  breaches: protectedProcedure
    .input(companyId)
    .query(({ ctx, input }) => listBreaches(ctx.db, ctx.user.id, input.companyId)),
  breachReport: protectedProcedure
    .input(breachIdInput)
    .query(({ ctx, input }) => getBreachReport(ctx.db, ctx.user.id, input.breachId)),
  reportBreach: protectedProcedure
    .input(breachInput)
    .mutation(({ ctx, input }) => reportBreach(ctx.db, ctx.user.id, input)),
  setBreachAction: protectedProcedure
    .input(breachActionInput)
    .mutation(({ ctx, input }) => setBreachActionDone(ctx.db, ctx.user.id, input)),
  deleteBreach: auditedProcedure({
    kind: "breach_deleted",
    input: breachIdInput,
    records: ["breachId"],
  }).mutation(({ ctx, input }) => deleteBreach(ctx.db, ctx.user.id, input.breachId)),
} satisfies TRPCRouterRecord;
