import { provenances } from "@caseward/db/vocabulary";
import { z } from "zod";

import { freeText } from "../privacy/free-text";
import { countryCode } from "./country-code";
import { officialDomainOf } from "./official-domain";

export { countryCode } from "./country-code";

const website = z
  .string("Enter the company's official website, such as rbc.com.")
  .trim()
  .min(1, "Enter the company's official website, such as rbc.com.")
  .max(2048, "That address is too long.")
  .refine((value) => officialDomainOf(value) !== null, {
    message: "Enter a website address such as https://www.rbc.com or rbc.com.",
  });

const provenance = z.enum(provenances, "Say where you found it.");

export const companyInput = z.object({
  name: freeText(120, "company's name").pipe(z.string().min(1, "Give the company a name.")),
  website,
  country: countryCode.optional(),
  /** Where the user found the website (its domain is the company's first official domain). */
  provenance: provenance.default("other"),
});
export type CompanyInput = z.input<typeof companyInput>;

/** An edit goes through the same rules as creation. */
export const updateCompanyInput = companyInput.extend({
  companyId: z.uuid("Unknown company."),
});
export type UpdateCompanyInput = z.input<typeof updateCompanyInput>;

/** Another official domain of a company (a bank's second brand, an airline's booking site). */
export const companyDomainInput = z.object({
  companyId: z.uuid("Unknown company."),
  domain: z
    .string("Enter a domain, such as rbcroyalbank.com.")
    .trim()
    .min(1, "Enter a domain, such as rbcroyalbank.com.")
    .max(2048, "That address is too long.")
    .refine((value) => officialDomainOf(value) !== null, {
      message: "Enter a domain such as rbcroyalbank.com, or a web address on it.",
    }),
  provenance,
});
export type CompanyDomainInput = z.input<typeof companyDomainInput>;

export const domainId = z.object({ domainId: z.uuid("Unknown domain.") });

export const domainProvenanceInput = z.object({
  domainId: z.uuid("Unknown domain."),
  provenance,
});

/** "Do I already have a company on this website?" (`companyId`: the one being edited). */
export const sameDomainInput = z.object({
  website: z.string().trim().max(2048, "That address is too long."),
  companyId: z.uuid("Unknown company.").optional(),
});

/** The number of cases the confirmation showed: if it changed since, nothing is deleted. */
export const deleteCompanyInput = z.object({
  companyId: z.uuid("Unknown company."),
  caseCount: z.int("Say how many cases the confirmation showed.").min(0).max(1_000_000),
});

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
