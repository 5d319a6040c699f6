import type { Locale } from "./i18n/locale";
import { translator } from "./i18n/translate";
import { sentenceIn } from "./zod-messages";

/**
 * Errors a user can cause. The API turns each code into the matching 4xx; anything else
 * thrown is a bug and becomes a 500.
 */
export type DomainErrorCode = "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT" | "FORBIDDEN";

const englishErrors = translator("en", "Errors");

/** A message of the `Errors` catalogue ("notFound.case", "listChanged"). */
export type ErrorKey = Parameters<typeof englishErrors>[0];
export type ErrorValues = Record<string, string | number>;
/** What an error says, as a catalogue key and its values, to say it in the user's language. */
export interface ErrorText {
  key: ErrorKey;
  /** The values, or how to write them in a language (a file size: "3 MB", "3 Mo"). */
  values?: ErrorValues | ((locale: Locale) => ErrorValues);
}

const valuesIn = (values: ErrorText["values"], locale: Locale) =>
  typeof values === "function" ? values(locale) : values;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    /** In English: logs, tests, and the text for a user whose language has no catalogue entry. */
    message: string,
    /** Per-field messages, keyed like the input schema, for forms to show beside each field. */
    readonly fieldErrors: Record<string, string[]> = {},
    /** The message as a key of the `Errors` catalogue (see `domainErrorIn`). */
    readonly text?: ErrorText,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/**
 * A refusal in the catalogue's words: the English sentence as its message, the key and values
 * to say it in the user's language where it reaches them; beside `field` when one is named.
 */
export function refusal(
  code: DomainErrorCode,
  key: ErrorKey,
  values?: ErrorText["values"],
  field?: string,
): DomainError {
  const message = englishErrors(key, valuesIn(values, "en"));
  return new DomainError(code, message, field ? { [field]: [message] } : {}, { key, values });
}

/** `notFound("Breach report")` → "Breach report not found." (key `notFound.breach_report`). */
export const notFound = (what: string) => {
  const key = `notFound.${what.toLowerCase().replace(/\s+/g, "_")}`;
  return englishErrors.has(key as ErrorKey)
    ? refusal("NOT_FOUND", key as ErrorKey)
    : new DomainError("NOT_FOUND", `${what} not found.`);
};

export const invalidField = (field: string, message: string) =>
  new DomainError("BAD_REQUEST", message, { [field]: [message] });

/**
 * What a refusal says in the user's language, where it reaches them (the API's answer): its
 * catalogue key when it has one, else its English sentence as the `Validation` catalogue knows it.
 */
export function domainErrorIn(
  error: DomainError,
  locale: Locale,
): { message: string; fieldErrors: Record<string, string[]> } {
  if (locale === "en") return { message: error.message, fieldErrors: error.fieldErrors };
  const text = error.text;
  const said = (english: string) =>
    text && english === error.message
      ? translator(locale, "Errors")(text.key, valuesIn(text.values, locale))
      : sentenceIn(english, locale);
  const fieldErrors = Object.fromEntries(
    Object.entries(error.fieldErrors).map(([field, messages]) => [field, messages.map(said)]),
  );
  return { message: said(error.message), fieldErrors };
}

/** An English sentence of the `Errors` catalogue in the user's language. */
export const errorIn = (locale: Locale, key: ErrorKey, values?: ErrorValues) =>
  translator(locale, "Errors")(key, values);
