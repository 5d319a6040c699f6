import { createTranslator } from "use-intl/core";
import { z } from "zod";

import type { Locale } from "./i18n/locale";
import validationEn from "./i18n/messages/en/Validation.json" with { type: "json" };
import validationFr from "./i18n/messages/fr-CA/Validation.json" with { type: "json" };

/**
 * What each input field is called in a sentence ("Fill in the reference number."). A field not
 * listed is named from its key (`closingNote` → "closing note").
 */
const fieldNames: Record<string, string> = {
  caseId: "case",
  companyId: "company",
  contactId: "contact",
  channelId: "channel",
  channelIds: "channels",
  channelKind: "kind of channel",
  questionId: "question",
  questionIds: "questions",
  domainId: "domain",
  breachId: "breach report",
  actionId: "step",
  id: "item",
  startedAt: "start time",
  endedAt: "end time",
  followUpDueAt: "promise date",
  occurredOn: "date",
  representativeName: "representative's name",
  representativeId: "representative's id",
  representativeDeclinedName: "“would not give a name” choice",
  referenceNumber: "reference number",
  promisedFollowUp: "promise",
  redFlags: "red flags",
  timeZone: "time zone",
  businessHoursStart: "start of your business hours",
  businessHoursEnd: "end of your business hours",
  quietHoursStart: "start of your quiet hours",
  quietHoursEnd: "end of your quiet hours",
  responseWindowDays: "number of business days to wait",
  complaintAfterDays: "number of days before a complaint",
  complaintBody: "complaint body",
  emailDailyDigest: "daily digest choice",
  emailEscalations: "escalation email choice",
  emailReminders: "reminder email choice",
  emailRedFlags: "red-flag email choice",
  subdivision: "province or state",
  caseCount: "number of cases",
  fileName: "file name",
  sourceUrl: "source address",
  closingNote: "closing note",
  tier: "priority of the question",
};

/** The field an issue is about, as words: its last named path key, else "this field". */
export function fieldNameOf(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((part): part is string => typeof part === "string");
  if (!key) return "this field";
  return fieldNames[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

const the = (field: string) => (field === "this field" ? field : `the ${field}`);
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Zod's own messages ("Invalid input: expected string, received undefined") are for
 * developers. Every schema that does not say its own message gets a sentence about its field
 * from here instead; installed once for the whole process by importing this module.
 */
export const fieldSentence: z.core.$ZodErrorMap = (issue) => {
  const field = fieldNameOf(issue.path ?? []);
  const The = capital(the(field));
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null || issue.input === "") {
        return `Fill in ${the(field)}.`;
      }
      if (issue.expected === "number" || issue.expected === "int") {
        return `${The} must be a number.`;
      }
      if (issue.expected === "date") return `${The} must be a date and time.`;
      return `${The} is not in a form Caseward understands. Check it and try again.`;
    case "too_big":
      if (issue.origin === "string") {
        return `Keep ${the(field)} under ${Number(issue.maximum).toLocaleString("en")} characters.`;
      }
      if (issue.origin === "array" || issue.origin === "set") {
        return `${The} can have at most ${Number(issue.maximum).toLocaleString("en")}.`;
      }
      return `${The} must be ${Number(issue.maximum).toLocaleString("en")} or less.`;
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1
          ? `Fill in ${the(field)}.`
          : `${The} needs at least ${Number(issue.minimum).toLocaleString("en")} characters.`;
      }
      if (issue.origin === "array" || issue.origin === "set") {
        return `Choose at least ${Number(issue.minimum).toLocaleString("en")} for ${the(field)}.`;
      }
      return `${The} must be ${Number(issue.minimum).toLocaleString("en")} or more.`;
    case "invalid_format":
      if (issue.format === "email") return "Enter an email address, such as name@example.com.";
      if (issue.format === "uuid" || issue.format === "guid") {
        return `${The} was not found. Reload the page and try again.`;
      }
      if (issue.format === "url") return `Enter a web address for ${the(field)}.`;
      if (issue.format === "datetime" || issue.format === "date") {
        return `Enter a date for ${the(field)}.`;
      }
      return `${The} is not in the right form. Check it and try again.`;
    case "invalid_value":
      return `Choose one of the options for ${the(field)}.`;
    case "not_multiple_of":
      return `${The} must be a multiple of ${String(issue.divisor)}.`;
    case "unrecognized_keys":
      return "This form sent something Caseward does not expect. Reload the page and try again.";
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
    case "custom":
    default:
      return `Check ${the(field)} and try again.`;
  }
};

z.config({ customError: fieldSentence });

// ————— The same sentences in the user's language —————
// The sentences above are English, made where zod parses (a procedure's input, a form). Where a
// message reaches a user (the API's answer, a form in the browser) it is said again in their
// language from the `Validation` catalogue: an English sentence of the catalogue is found by its
// text, a sentence about a field by its pattern ("Fill in {field}."), its field said in French.

type ValidationCatalogue = typeof validationEn;
const validation: Record<Locale, ValidationCatalogue> = { en: validationEn, "fr-CA": validationFr };

const sentenceKeys = new Map(Object.entries(validationEn.sentences).map(([k, v]) => [v, k]));
const fieldKeys = new Map(Object.entries(validationEn.fields).map(([k, v]) => [v, k]));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Each pattern of the catalogue as a regular expression over its English sentence. */
const patterns = Object.entries(validationEn.patterns)
  .map(([key, message]) => {
    const names: { name: string; number: boolean }[] = [];
    const source = message
      .split(/(\{\w+(?:, number)?\})/)
      .map((part) => {
        const placeholder = /^\{(\w+)(, number)?\}$/.exec(part);
        if (!placeholder) return escapeRegExp(part);
        names.push({ name: placeholder[1]!, number: Boolean(placeholder[2]) });
        return placeholder[2] ? "(\\d[\\d,]*(?:\\.\\d+)?)" : "(.+?)";
      })
      .join("");
    return {
      key,
      names,
      regex: new RegExp(`^${source}$`),
      literal: message.replace(/\{[^}]*\}/g, ""),
      fieldFirst: !message.startsWith("{") || message.startsWith("{field}"),
    };
  })
  // The most specific first: "Enter {field} as HH:MM." before "Enter {field}.".
  .sort((a, b) => b.literal.length - a.literal.length);

const translators = new Map<Locale, ReturnType<typeof validationTranslator>>();
const validationTranslator = (locale: Locale) =>
  createTranslator({
    locale,
    messages: { Validation: validation[locale] },
    namespace: "Validation",
  });
function translate(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = validationTranslator(locale)));
  return t;
}

/** An English field phrase ("The reference number") in `locale`, or null if it is not one. */
function fieldIn(english: string, locale: Locale): string | null {
  const phrase = english.charAt(0).toLowerCase() + english.slice(1);
  const key = fieldKeys.get(phrase);
  if (key) return validation[locale].fields[key as keyof ValidationCatalogue["fields"]];
  // A field named from its key ("the some new field"): "this field" in another language.
  return /^the [a-z ]+$/.test(phrase) ? validation[locale].fields.thisField : null;
}

/**
 * A validation message said in `locale`: "Fill in the reference number." → "Remplissez le
 * numéro de référence." A sentence the catalogue does not know is left as it is.
 */
export function sentenceIn(english: string, locale: Locale): string {
  if (locale === "en") return english;
  const t = translate(locale);
  const key = sentenceKeys.get(english);
  if (key) return t(`sentences.${key}` as Parameters<typeof t>[0]);
  for (const pattern of patterns) {
    const match = pattern.regex.exec(english);
    if (!match) continue;
    const values: Record<string, string | number> = {};
    const understood = pattern.names.every(({ name, number }, index) => {
      const text = match[index + 1]!;
      if (number) values[name] = Number(text.replace(/,/g, ""));
      else if (name === "field") {
        const field = fieldIn(text, locale);
        if (field === null) return false;
        values[name] = field;
      } else if (name === "real") {
        // The company's domains, "rbc.com, the company's official domain", said in `locale` too.
        values[name] = sentenceIn(text, locale);
      } else values[name] = text;
      return true;
    });
    if (!understood) continue;
    const said = t(`patterns.${pattern.key}` as Parameters<typeof t>[0], values);
    // A sentence that opens on a field ("Le titre…") takes a capital; on a domain, never.
    return pattern.fieldFirst ? capital(said) : said;
  }
  return english;
}

/** A failed parse's messages by field (as `z.flattenError`), in `locale`. */
export const fieldErrorsIn = (
  error: z.ZodError,
  locale: Locale,
): Partial<Record<string, string[]>> =>
  z.flattenError(error, (issue) => sentenceIn(issue.message, locale)).fieldErrors;
