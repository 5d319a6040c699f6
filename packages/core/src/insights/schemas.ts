import { z } from "zod";

/** The insights page's filters (issue 19): period, company, status. */
export const insightPeriods = ["3m", "6m", "12m", "all"] as const;
export type InsightPeriod = (typeof insightPeriods)[number];
export const insightStatuses = ["all", "active", "resolved", "abandoned"] as const;
export type InsightStatus = (typeof insightStatuses)[number];

export const insightsInput = z.object({
  period: z.enum(insightPeriods, "Choose a period.").default("12m"),
  companyId: z.uuid("Unknown company.").optional(),
  status: z.enum(insightStatuses, "Choose a status.").default("all"),
});
export type InsightsInput = z.input<typeof insightsInput>;
