import { z } from "zod";

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
