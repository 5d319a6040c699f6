import { DomainError } from "./errors";
import { fieldNameOf } from "./zod-messages";

// Text may hold tab, line feed and carriage return (a pasted Windows line end); no other
// control character (C0, DEL, C1) has a use in what people type, and a NUL byte cannot be
// stored in Postgres text at all (issue 18, finding 3).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Whether a piece of text holds a control character other than tab or a line end. */
export const hasControlCharacter = (text: string) => controlCharacter.test(text);

// Dates people enter (contacts, promises, breaches) fall well inside this; anything outside is
// a typo, and a year before 1 or after 9999 is refused by Postgres itself.
export const earliestPlausibleDate = new Date("1900-01-01T00:00:00Z");
export const latestPlausibleDate = new Date("2200-01-01T00:00:00Z");
export const plausibleDateMessage = "Enter a date between the years 1900 and 2199.";

/** A real date within the years 1900 to 2199. */
export const isPlausibleDate = (date: Date) =>
  !Number.isNaN(date.getTime()) &&
  date.getTime() >= earliestPlausibleDate.getTime() &&
  date.getTime() < latestPlausibleDate.getTime();

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

interface Issue {
  path: (string | number)[];
  message: string;
}

/** The first string or date of an input (at any depth, keys too) that cannot be stored. */
function firstUnsafe(value: unknown, path: (string | number)[], depth: number): Issue | null {
  if (typeof value === "string") {
    if (!hasControlCharacter(value)) return null;
    const field = fieldNameOf(path);
    const the = field === "this field" ? field : `the ${field}`;
    return {
      path,
      message: `${capital(the)} holds an invisible control character that Caseward cannot store. Remove it (retype the text) and try again.`,
    };
  }
  if (value instanceof Date) {
    return isPlausibleDate(value) ? null : { path, message: plausibleDateMessage };
  }
  if (value === null || typeof value !== "object" || depth > 32) return null;
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  for (const [key, item] of entries) {
    if (typeof key === "string" && hasControlCharacter(key)) {
      return {
        path,
        message:
          "This form sent something Caseward does not expect. Reload the page and try again.",
      };
    }
    const issue = firstUnsafe(item, [...path, key], depth + 1);
    if (issue) return issue;
  }
  return null;
}

/**
 * Every input from outside passes here before its own schema: text with a control character
 * and dates outside 1900–2199 are refused with a sentence (400), so they never reach the
 * database and its error never reaches an answer. One rule for every procedure and route.
 */
export function refuseUnstorableInput(input: unknown): void {
  const issue = firstUnsafe(input, [], 0);
  if (!issue) return;
  // Keyed like the input schema's top-level fields, as a form shows its messages.
  const field = typeof issue.path[0] === "string" ? issue.path[0] : "";
  throw new DomainError("BAD_REQUEST", issue.message, field ? { [field]: [issue.message] } : {});
}
