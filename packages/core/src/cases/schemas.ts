import { casePriorities } from "@caseward/db/vocabulary";
import { z } from "zod";

export const openCaseInput = z.object({
  companyId: z.uuid("Pick the company this case is with."),
  title: z
    .string("Say in a few words what the problem is.")
    .trim()
    .min(3, "Say in a few words what the problem is.")
    .max(200, "Keep the title under 200 characters."),
  description: z
    .string()
    .trim()
    .max(5000, "Keep the description under 5,000 characters.")
    .optional(),
  priority: z.enum(casePriorities).default("normal"),
});
export type OpenCaseInput = z.input<typeof openCaseInput>;

export const caseId = z.object({ caseId: z.uuid("Unknown case.") });
