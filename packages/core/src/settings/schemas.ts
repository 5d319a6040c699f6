import { z } from "zod";

import { countryCode } from "../companies/country-code";
import { type Locale, locales } from "../i18n/locale";

/** Until the user says otherwise: Toronto, Ontario, 09:00–17:00, two business days. */
export const defaultSettings = {
  timeZone: "America/Toronto",
  locale: "en" as Locale,
  country: "CA",
  subdivision: "ON" as string | null,
  businessHoursStart: "09:00",
  businessHoursEnd: "17:00",
  responseWindowDays: 2,
  quietHoursStart: "21:00",
  quietHoursEnd: "08:00",
  emailEscalations: true,
  emailReminders: true,
  emailRedFlags: true,
  emailDailyDigest: false,
};

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const clock = (what: string) =>
  z
    .string(`Enter the ${what} as HH:MM.`)
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Enter the ${what} as HH:MM, for example 09:00.`);

// As in an HTML form, an unchecked (absent) checkbox means off.
const checkbox = z
  .union([z.boolean(), z.literal("on")])
  .optional()
  .transform((value) => value === true || value === "on");

export const settingsInput = z
  .object({
    timeZone: z
      .string("Pick your time zone.")
      .trim()
      .refine(isTimeZone, "Pick a time zone from the list, such as America/Toronto."),
    // Absent keeps the language already chosen (a form without the field changes nothing).
    locale: z.enum(locales, "Pick English or French.").optional(),
    country: countryCode,
    subdivision: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{1,3}$/, "Pick your province or state from the list.")
      .optional(),
    businessHoursStart: clock("opening time").default("09:00"),
    businessHoursEnd: clock("closing time").default("17:00"),
    responseWindowDays: z.coerce
      .number("Enter a number of business days.")
      .min(0.5, "Give a company at least half a business day.")
      .max(30, "Thirty business days at most.")
      .default(2),
    quietHoursStart: clock("start of quiet hours").default("21:00"),
    quietHoursEnd: clock("end of quiet hours").default("08:00"),
    emailEscalations: checkbox,
    emailReminders: checkbox,
    emailRedFlags: checkbox,
    emailDailyDigest: checkbox,
  })
  .superRefine((value, ctx) => {
    if (value.businessHoursEnd <= value.businessHoursStart) {
      ctx.addIssue({
        code: "custom",
        path: ["businessHoursEnd"],
        message: "Closing time must be after opening time.",
      });
    }
  });
export type SettingsInput = z.input<typeof settingsInput>;
