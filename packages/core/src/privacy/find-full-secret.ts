import { digitRuns, type DigitRun, type GroupSeparator } from "./digit-runs";
import { ibanSpans, type TextSpan } from "./iban";
import {
  classifyCandidate,
  ID_DIGITS,
  MAX_DIGITS,
  MAX_GROUPS,
  MIN_CARD_DIGITS,
  type FullSecretKind,
} from "./secret-shapes";

export interface FullSecretMatch extends TextSpan {
  kind: FullSecretKind;
}

/**
 * A grouped window sitting inside a longer grouped number (a 22-digit tracking number
 * written in fours, a 12-digit reference in threes) is not a secret on its own. Cards keep
 * a neighbour of a different size, because "4111 1111 1111 1111 12/27" is a card with its
 * expiry; ids, being short, reject any neighbour joined by the same separator.
 */
function embeddedInLongerNumber(
  runs: readonly DigitRun[],
  first: number,
  last: number,
  separator: GroupSeparator,
  kind: FullSecretKind,
): boolean {
  const before = runs[first - 1];
  const after = runs[last + 1];
  const beforeJoined = before && runs[first]?.joinedBy === separator ? before : undefined;
  const afterJoined = after?.joinedBy === separator ? after : undefined;
  if (kind === "national_id") return Boolean(beforeJoined ?? afterJoined);
  const firstSize = runs[first]?.digits.length;
  const lastSize = runs[last]?.digits.length;
  return beforeJoined?.digits.length === firstSize || afterJoined?.digits.length === lastSize;
}

/** The longest secret starting at run `first`, as the index of its last run. */
function secretStartingAt(
  runs: readonly DigitRun[],
  first: number,
): { last: number; kind: FullSecretKind } | null {
  const groups: string[] = [];
  let separator: GroupSeparator | null = null;
  let digitCount = 0;
  let card: { last: number; kind: FullSecretKind } | null = null;
  let id: { last: number; kind: FullSecretKind } | null = null;
  for (let last = first; last < runs.length && last < first + MAX_GROUPS; last++) {
    const run = runs[last];
    if (!run) break;
    if (last > first) {
      // Every group of one number uses the same single separator.
      if (!run.joinedBy || (separator && run.joinedBy !== separator)) break;
      separator = run.joinedBy;
    }
    digitCount += run.digits.length;
    if (digitCount > MAX_DIGITS) break;
    groups.push(run.digits);
    // Cheap length test first: most runs in prose are short and never reach a checksum.
    if (digitCount !== ID_DIGITS && digitCount < MIN_CARD_DIGITS) continue;
    const kind = classifyCandidate({ groups, separator });
    if (!kind) continue;
    if (separator && embeddedInLongerNumber(runs, first, last, separator, kind)) continue;
    // Keep the longest of each kind; a card wins over an id starting at the same digit.
    if (kind === "payment_card") card = { last, kind };
    else id = { last, kind };
  }
  return card ?? id;
}

/** Every full secret in the text, in text order, never overlapping. Linear in text length. */
export function* fullSecretsIn(text: string): Generator<FullSecretMatch> {
  const runs = digitRuns(text);
  const ibans = ibanSpans(text);
  let ibanIndex = 0;
  let i = 0;
  while (i < runs.length) {
    const run = runs[i];
    if (!run) break;
    const hit = secretStartingAt(runs, i);
    const end = hit ? (runs[hit.last]?.end ?? run.end) : run.end;
    while (ibanIndex < ibans.length && (ibans[ibanIndex]?.end ?? 0) <= run.start) ibanIndex++;
    const insideIban = (ibans[ibanIndex]?.start ?? Infinity) < end;
    if (hit && !insideIban) {
      yield { start: run.start, end, kind: hit.kind };
      i = hit.last + 1;
    } else {
      i++;
    }
  }
}

/**
 * The first full national id or card number anywhere in free text, or null. Phone numbers,
 * dates, amounts, last-four mentions, IBANs and checksum-failing references pass.
 */
export function findFullSecret(text: string): { kind: FullSecretKind } | null {
  for (const match of fullSecretsIn(text)) return { kind: match.kind };
  return null;
}
