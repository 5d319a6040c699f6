import { createCallerFactory, createTRPCRouter } from "./init";
import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { caseRouter } from "./routers/case";
import { channelRouter } from "./routers/channel";
import { companyRouter } from "./routers/company";
import { contactRouter } from "./routers/contact";
import { dashboardRouter } from "./routers/dashboard";
import { evidenceRouter } from "./routers/evidence";
import { inboxRouter } from "./routers/inbox";
import { insightsRouter } from "./routers/insights";
import { privacyRouter } from "./routers/privacy";
import { questionRouter } from "./routers/question";
import { settingsRouter } from "./routers/settings";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  audit: auditRouter,
  company: companyRouter,
  channel: channelRouter,
  case: caseRouter,
  contact: contactRouter,
  dashboard: dashboardRouter,
  evidence: evidenceRouter,
  inbox: inboxRouter,
  insights: insightsRouter,
  privacy: privacyRouter,
  question: questionRouter,
  settings: settingsRouter,
});
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
