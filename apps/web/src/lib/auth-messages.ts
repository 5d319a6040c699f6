/** What better-auth answers on a refusal (its client's `error`). */
export interface AuthError {
  status: number;
  code?: string | undefined;
  message?: string | undefined;
}

const wrongAddress =
  "This page was opened at an address Caseward was not set up for. Open Caseward at the address in its settings (BASE_URL) and try again.";

// better-auth's own words ("Invalid origin", "Password too short") are for developers.
const libraryMessages: Record<string, string> = {
  INVALID_ORIGIN: wrongAddress,
  MISSING_OR_NULL_ORIGIN: wrongAddress,
  CROSS_SITE_NAVIGATION_LOGIN_BLOCKED: wrongAddress,
  INVALID_EMAIL: "Enter an email address, such as name@example.com.",
  INVALID_EMAIL_OR_PASSWORD: "That email and password do not match an account.",
  INVALID_PASSWORD: "That password is not right.",
  PASSWORD_TOO_SHORT: "Use a longer password: at least 12 characters.",
  PASSWORD_TOO_LONG: "That password is too long: use at most 128 characters.",
  INVALID_TOKEN: "This link does not work any more. Ask for a new one.",
  TOKEN_EXPIRED: "This link has expired. Ask for a new one.",
  SESSION_EXPIRED: "Your session has ended. Sign in again.",
  SESSION_NOT_FRESH: "Sign in again, then try this once more.",
  EMAIL_ALREADY_VERIFIED: "Your email address is already confirmed.",
  VALIDATION_ERROR: "Some of what you typed could not be read. Check it and try again.",
};

/** A message written as a sentence (Caseward's own refusals are), not a library's label. */
const isSentence = (text: string) => /^[A-Z].*\s.*\s.*[.!?]$/.test(text.trim());

/**
 * A refused sign-in, sign-up, reset or password change, said in a sentence: Caseward's own
 * refusals keep their words, better-auth's get ours, anything else a general sentence.
 */
export function authErrorMessage(error: AuthError, otherwise: string): string {
  const known = error.code ? libraryMessages[error.code] : undefined;
  if (known) return known;
  if (error.status === 429 && !error.message?.startsWith("Too many failed")) {
    return "Too many attempts from here. Wait a few minutes, then try again.";
  }
  if (error.message && isSentence(error.message)) return error.message;
  return otherwise;
}
