import { z } from "zod";

// Its own module: the settings (and the sign-up form) need it without the company schemas,
// whose website check brings the public-suffix list (tldts) into the browser.
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use a two-letter country code, such as CA or US.");
