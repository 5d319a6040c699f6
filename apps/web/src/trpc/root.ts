import { createCallerFactory, createTRPCRouter } from "./init";
import { caseRouter } from "./routers/case";
import { channelRouter } from "./routers/channel";
import { companyRouter } from "./routers/company";
import { contactRouter } from "./routers/contact";
import { dashboardRouter } from "./routers/dashboard";

export const appRouter = createTRPCRouter({
  company: companyRouter,
  channel: channelRouter,
  case: caseRouter,
  contact: contactRouter,
  dashboard: dashboardRouter,
});
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
