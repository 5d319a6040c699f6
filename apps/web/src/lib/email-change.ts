import { z } from "zod";

/** Settings → Email address, as the form checks it and the route reads it. */
export const emailChangeInput = z.object({
  newEmail: z
    .email("Enter a valid email address.")
    .max(254, "That address is too long: an email address has at most 254 characters."),
  password: z
    .string()
    .min(1, "Enter your password to confirm.")
    .max(512, "That is longer than any password here: check it."),
});
