import { z } from "zod";

import { freeText } from "../privacy/free-text";
import { officialDomainOf } from "./official-domain";

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use a two-letter country code, such as CA or US.");

export const companyInput = z.object({
  name: freeText(120, "name").pipe(z.string().min(1, "Give the company a name.")),
  website: z
    .string("Enter the company's official website, such as rbc.com.")
    .trim()
    .min(1, "Enter the company's official website, such as rbc.com.")
    .max(2048, "That address is too long.")
    .refine((value) => officialDomainOf(value) !== null, {
      message: "Enter a website address such as https://www.rbc.com or rbc.com.",
    }),
  country: countryCode.optional(),
});
export type CompanyInput = z.input<typeof companyInput>;

export const companyId = z.object({ companyId: z.uuid("Unknown company.") });

/** Who takes complaints about this company, and after how long (the regulator clock). */
export const complaintBodyInput = z
  .object({
    companyId: z.uuid("Unknown company."),
    complaintBody: freeText(200, "name").optional(),
    complaintAfterDays: z.coerce
      .number("Enter a number of days.")
      .int("Enter a whole number of days.")
      .min(0, "Days cannot be negative.")
      .max(730, "Two years at most.")
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.complaintBody && value.complaintAfterDays === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["complaintAfterDays"],
        message: "Say after how many days a complaint is accepted (0 if at once).",
      });
    }
  });
