import type { Locale } from "@caseward/core/i18n";
import { createTranslator } from "next-intl";

import en from "../../messages/en/AuthRefusals.json";
import frCA from "../../messages/fr-CA/AuthRefusals.json";
import { pageLocale } from "./page-locale";

/** What better-auth answers on a refusal (its client's `error`). */
export interface AuthError {
  status: number;
  code?: string | undefined;
  message?: string | undefined;
}

type Refusal = keyof typeof en;

// better-auth's own words ("Invalid origin", "Password too short") are for developers.
const libraryMessages: Record<string, Refusal> = {
  INVALID_ORIGIN: "wrongAddress",
  MISSING_OR_NULL_ORIGIN: "wrongAddress",
  CROSS_SITE_NAVIGATION_LOGIN_BLOCKED: "wrongAddress",
  INVALID_EMAIL: "invalidEmail",
  INVALID_EMAIL_OR_PASSWORD: "wrongCredentials",
  INVALID_PASSWORD: "wrongPassword",
  PASSWORD_TOO_SHORT: "passwordTooShort",
  PASSWORD_TOO_LONG: "passwordTooLong",
  INVALID_TOKEN: "linkInvalid",
  TOKEN_EXPIRED: "linkExpired",
  SESSION_EXPIRED: "sessionEnded",
  SESSION_NOT_FRESH: "sessionNotFresh",
  EMAIL_ALREADY_VERIFIED: "alreadyConfirmed",
  VALIDATION_ERROR: "unreadable",
  // Caseward's own refusals (@caseward/auth, the password rules): said in the page's language.
  PASSWORD_TOO_COMMON: "passwordTooCommon",
  CODE_ALREADY_USED: "codeUsed",
  SIGN_IN_UNAVAILABLE: "signInUnavailable",
  USE_SETTINGS: "useSettings",
};

// Refusals that say how long to wait: the server's sentence carries the minutes.
const waitMessages: Record<string, Refusal> = {
  TOO_MANY_FAILED_SIGN_INS: "tooManySignIns",
  TOO_MANY_WRONG_CODES: "tooManyCodes",
};

const words = { en, "fr-CA": frCA };

/** A message written as a sentence (Caseward's own refusals are), not a library's label. */
const isSentence = (text: string) => /^[A-Z].*\s.*\s.*[.!?]$/.test(text.trim());

/**
 * A refused sign-in, sign-up, reset or password change, said in a sentence in the page's
 * language: Caseward's own refusals keep their words, better-auth's get ours, anything else a
 * general sentence.
 */
export function authErrorMessage(
  error: AuthError,
  otherwise: string,
  locale: Locale = pageLocale(),
): string {
  const t = createTranslator({
    locale,
    messages: { AuthRefusals: words[locale] },
    namespace: "AuthRefusals",
  });
  const known = error.code ? libraryMessages[error.code] : undefined;
  if (known) return t(known);
  const wait = error.code ? waitMessages[error.code] : undefined;
  if (wait) {
    const minutes = Number(/(\d+) minute/.exec(error.message ?? "")?.[1] ?? 15);
    return t(wait, { minutes });
  }
  if (error.status === 429 && !error.message?.startsWith("Too many failed")) {
    return t("tooManyAttempts");
  }
  if (error.message && isSentence(error.message)) return error.message;
  return otherwise;
}
