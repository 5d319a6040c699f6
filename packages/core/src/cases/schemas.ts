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

/** A case's title, description and priority, edited through the same rules as opening it. */
export const updateCaseInput = openCaseInput
  .omit({ companyId: true })
  .extend({ caseId: z.uuid("Unknown case.") });
export type UpdateCaseInput = z.input<typeof updateCaseInput>;

/** One line said when a case closes: the outcome, or why the user gave up (one line of it). */
const closingLine = (max: number, label: string, missing: string) =>
  z
    .string(missing)
    .pipe(freeText(max, label))
    .transform((text) => text.replace(/\s+/g, " "))
    .pipe(z.string().min(1, missing));

export const resolveCaseInput = z.object({
  caseId: z.uuid("Unknown case."),
  closingNote: closingLine(300, "outcome", "Say in one line how it ended."),
  /** How satisfied the user is with how it ended, 1 (not at all) to 5 (very); optional. */
  satisfaction: z.coerce
    .number("Pick how satisfied you are, from 1 to 5.")
    .int("Pick how satisfied you are, from 1 to 5.")
    .min(1, "Pick how satisfied you are, from 1 to 5.")
    .max(5, "Pick how satisfied you are, from 1 to 5.")
    .optional(),
});
export type ResolveCaseInput = z.input<typeof resolveCaseInput>;

export const abandonCaseInput = z.object({
  caseId: z.uuid("Unknown case."),
  closingNote: closingLine(300, "reason", "Say in one line why you are giving up."),
});
export type AbandonCaseInput = z.input<typeof abandonCaseInput>;
