import { z } from "zod";

// ASVS 4.0.3 V2.1.1 and V2.1.2: at least 12 characters, and at least 64 (we take 128) allowed.
export const passwordLength = { min: 12, max: 128 } as const;

export const passwordMessages = {
  tooShort: `Use at least ${passwordLength.min} characters.`,
  tooLong: `Use at most ${passwordLength.max} characters.`,
  tooCommon:
    "This password is among the 10,000 most common ones, so it is guessed first. Choose another (a few unrelated words work well).",
} as const;

/** The new-password field of the sign-up form: the rules the browser can check by itself. */
export const newPassword = z
  .string()
  .min(passwordLength.min, passwordMessages.tooShort)
  .max(passwordLength.max, passwordMessages.tooLong);

/** What a new-password field says under it, from the same rules. */
export const newPasswordHint = `${passwordLength.min} to ${passwordLength.max} characters, not a common password. A long phrase is easiest to remember.`;
