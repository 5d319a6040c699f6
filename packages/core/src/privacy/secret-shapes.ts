import type { GroupSeparator } from "./digit-runs";
import { passesLuhn } from "./luhn";

/**
 * The written shapes of the secrets Caseward refuses to store (PRODUCT.md "Privacy rules":
 * full national id and full card numbers are never stored). Each shape is checked on the
 * digit groups of one window of text; the checksum keeps order numbers and phones out.
 */

export type FullSecretKind = "national_id" | "payment_card";

/** Groups are the digit strings of consecutive runs; `separator` is null for a single run. */
export interface SecretCandidate {
  groups: readonly string[];
  separator: GroupSeparator | null;
}

/** Most groups in any shape: a 19-digit card written 4-4-4-4-3 is five groups. */
export const MAX_GROUPS = 5;
// ISO/IEC 7812-1: a PAN is 13 to 19 digits. SINs and SSNs are both 9.
export const MIN_CARD_DIGITS = 13;
export const MAX_DIGITS = 19;
export const ID_DIGITS = 9;

const lengths = (groups: readonly string[]) => groups.map((g) => g.length);

const sameLengths = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((n, i) => n === b[i]);

/**
 * Card layouts people actually type: one run, groups of four with a shorter tail
 * (Visa/Mastercard/Discover 4-4-4-4, 19-digit 4-4-4-4-3), or Amex 4-6-5 / Diners 4-6-4.
 * Anything else (3-7-7 order numbers, 3-3-4 phones) is not read as a card.
 */
function hasCardLayout(sizes: readonly number[]): boolean {
  if (sizes.length === 1) return true;
  if (sameLengths(sizes, [4, 6, 5]) || sameLengths(sizes, [4, 6, 4])) return true;
  const last = sizes.at(-1) ?? 0;
  return sizes.slice(0, -1).every((n) => n === 4) && last >= 1 && last <= 4;
}

export function isPaymentCard({ groups }: SecretCandidate): boolean {
  const digits = groups.join("");
  // ISO/IEC 7812: PANs are 13–19 digits (8-digit IINs keep 16 the norm) and no network uses
  // major industry identifier 0, which also drops the Luhn-valid "0000 0000 0000 0000".
  if (digits.length < MIN_CARD_DIGITS || digits.length > MAX_DIGITS || digits.startsWith("0"))
    return false;
  return hasCardLayout(lengths(groups)) && passesLuhn(digits);
}

/** Canadian SIN: 9 digits with the Luhn check digit, plain or 3-3-3. */
// Source: Employment and Social Development Canada, SIN validation (Luhn mod 10).
export function isCanadianSin({ groups }: SecretCandidate): boolean {
  const sizes = lengths(groups);
  if (!sameLengths(sizes, [9]) && !sameLengths(sizes, [3, 3, 3])) return false;
  return passesLuhn(groups.join(""));
}

/** US SSN in its printed 3-2-4 dashed form, minus numbers SSA never issues. */
// Source: SSA, "Social Security Number Randomization" (ssa.gov/employer/randomization.html).
export function isUsSsn({ groups, separator }: SecretCandidate): boolean {
  if (separator !== "-" || !sameLengths(lengths(groups), [3, 2, 4])) return false;
  const [area = "", group = "", serial = ""] = groups;
  const areaNumber = Number(area);
  if (areaNumber === 0 || areaNumber === 666 || areaNumber >= 900) return false;
  return group !== "00" && serial !== "0000";
}

export function classifyCandidate(candidate: SecretCandidate): FullSecretKind | null {
  if (isPaymentCard(candidate)) return "payment_card";
  if (isCanadianSin(candidate) || isUsSsn(candidate)) return "national_id";
  return null;
}
