import {
  disclosureKinds,
  redFlagKinds,
  secretDisclosureKinds,
  type DisclosureKind,
} from "@caseward/db/vocabulary";
import { z } from "zod";

import { privacyAnswerInput, privacyQuestionIds } from "./checklist";
import { isPlausibleDate, plausibleDateMessage } from "../input-safety";
import { freeText } from "./free-text";

// Inputs of the privacy toolkit; browser-safe (the forms validate with the same rules).

const isSecretKind = (kind: DisclosureKind) =>
  (secretDisclosureKinds as readonly DisclosureKind[]).includes(kind);

/** One kind of personal data given in a contact. Passwords and codes get no detail at all. */
export const disclosureFields = z
  .object({
    kind: z.enum(disclosureKinds, "Pick what you gave."),
    asked: z.boolean().default(true),
    reason: freeText(500, "reason").optional(),
    detail: freeText(200, "detail").optional(),
  })
  .refine((value) => !(isSecretKind(value.kind) && value.detail), {
    path: ["detail"],
    message: "Never write a password or a code down, not even here: say only that you gave it.",
  });
export type DisclosureFields = z.input<typeof disclosureFields>;

export const addDisclosureInput = z
  .object({ contactId: z.uuid("Unknown contact.") })
  .and(disclosureFields);

export const disclosureIdInput = z.object({ disclosureId: z.uuid("Unknown disclosure.") });

export const redFlagIdInput = z.object({ redFlagId: z.uuid("Unknown red flag.") });

export const disclosureListInput = z.object({
  kind: z.enum(disclosureKinds).optional(),
  companyId: z.uuid("Unknown company.").optional(),
});

/** The whole checklist as the form saves it; a missing question is unanswered. */
export const privacyChecklistInput = z.object({
  companyId: z.uuid("Unknown company."),
  answers: z.partialRecord(z.enum(privacyQuestionIds, "Unknown question."), privacyAnswerInput),
});

export const willingToShareInput = z.object({
  companyId: z.uuid("Unknown company."),
  kinds: z
    .array(z.enum(disclosureKinds, "Unknown kind of data."))
    .max(disclosureKinds.length)
    .refine((kinds) => !kinds.some(isSecretKind), {
      message: "No company ever needs your password or a one-time code.",
    }),
});

export const redFlagInput = z.object({
  contactId: z.uuid("Unknown contact."),
  kind: z.enum(redFlagKinds, "Pick a warning sign."),
});

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export const breachInput = z.object({
  companyId: z.uuid("Unknown company."),
  occurredOn: z
    .string()
    .regex(isoDay, "Enter the date as YYYY-MM-DD.")
    .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), "Enter a real date.")
    .refine((day) => isPlausibleDate(new Date(`${day}T00:00:00Z`)), plausibleDateMessage)
    .refine(
      (day) => Date.parse(`${day}T00:00:00Z`) <= Date.now() + 24 * 3600 * 1000,
      "That date is in the future.",
    ),
  source: freeText(500, "source").pipe(z.string().min(1, "Say where you learned of it.")),
  note: freeText(2000, "note").optional(),
});

export const breachIdInput = z.object({ breachId: z.uuid("Unknown breach report.") });

export const breachActionInput = z.object({
  breachId: z.uuid("Unknown breach report."),
  actionId: z.string().regex(/^[a-z0-9_]{1,60}$/, "Unknown action."),
  done: z.boolean(),
});
