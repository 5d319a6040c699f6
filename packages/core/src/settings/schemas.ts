import { z } from "zod";

import { countryCode } from "../companies/schemas";

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const settingsInput = z.object({
  timeZone: z
    .string("Pick your time zone.")
    .trim()
    .refine(isTimeZone, "Pick a time zone from the list, such as America/Toronto."),
  country: countryCode,
  subdivision: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,3}$/, "Use the short code of your province or state, such as ON or NY.")
    .optional(),
});
export type SettingsInput = z.input<typeof settingsInput>;
