import { createCallerFactory, createTRPCRouter } from "./init";
import { caseRouter } from "./routers/case";
import { channelRouter } from "./routers/channel";
import { companyRouter } from "./routers/company";
import { contactRouter } from "./routers/contact";
import { dashboardRouter } from "./routers/dashboard";
import { questionRouter } from "./routers/question";
import { settingsRouter } from "./routers/settings";

export const appRouter = createTRPCRouter({
  company: companyRouter,
  channel: channelRouter,
  case: caseRouter,
  contact: contactRouter,
  dashboard: dashboardRouter,
  question: questionRouter,
  settings: settingsRouter,
});
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
