import { casePriorities } from "@caseward/db/vocabulary";
import { z } from "zod";

import { freeText } from "../privacy/free-text";

export const openCaseInput = z.object({
  companyId: z.uuid("Pick the company this case is with."),
  title: z
    .string("Say in a few words what the problem is.")
    .pipe(freeText(200, "title"))
    .pipe(z.string().min(3, "Say in a few words what the problem is.")),
  description: freeText(5000, "description").optional(),
  priority: z.enum(casePriorities).default("normal"),
});
export type OpenCaseInput = z.input<typeof openCaseInput>;

export const caseId = z.object({ caseId: z.uuid("Unknown case.") });

/** A case-specific response window in business days; empty goes back to the user's default. */
export const caseWindowInput = z.object({
  caseId: z.uuid("Unknown case."),
  responseWindowDays: z.coerce
    .number("Enter a number of business days.")
    .min(0.5, "Give the company at least half a business day.")
    .max(30, "Thirty business days at most.")
    .nullable(),
});
