import { z } from "zod";

import { officialDomainOf } from "./official-domain";

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use a two-letter country code, such as CA or US.");

export const companyInput = z.object({
  name: z
    .string("Give the company a name.")
    .trim()
    .min(1, "Give the company a name.")
    .max(120, "Keep the name under 120 characters."),
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
