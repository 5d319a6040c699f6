import type { ChannelCheck } from "./result";
import { ok } from "./result";

/**
 * Checks a postal, in-person, executive or regulator channel given as plain text (an address,
 * an office, a name): any text is accepted, with its whitespace tidied. Blank values never
 * get here (checkChannel refuses them for every kind).
 */
export function checkFreeText(value: string): ChannelCheck {
  return ok(value.replace(/\s+/g, " ").trim());
}
