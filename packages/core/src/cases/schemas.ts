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
