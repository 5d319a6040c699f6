/**
 * Splits text into maximal runs of ASCII digits and records how each run is joined to the
 * previous one. A full card or id is then a window of consecutive runs joined by one
 * separator each. Working on runs (not a regex) keeps the scan linear on any input and
 * makes "never match inside a longer digit run" automatic, because a run is maximal.
 */

/**
 * The single character allowed between digit groups; a no-break space counts as a space, the
 * narrow one (U+202F) too: French word processors put it between groups of digits.
 */
export type GroupSeparator = " " | "-";

export interface DigitRun {
  /** Index of the first digit in the text. */
  start: number;
  /** Index just after the last digit. */
  end: number;
  digits: string;
  /** The one separator between the previous run and this one, or null if anything else is. */
  joinedBy: GroupSeparator | null;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

function separatorAt(text: string, index: number): GroupSeparator | null {
  const ch = text[index];
  if (ch === " " || ch === "\u00a0" || ch === "\u202f") return " ";
  if (ch === "-") return "-";
  return null;
}

export function digitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    const previous = runs.at(-1);
    // Joined only when exactly one separator character sits between the two runs.
    const joinedBy = previous && previous.end === start - 1 ? separatorAt(text, start - 1) : null;
    runs.push({ start, end: i, digits: text.slice(start, i), joinedBy });
  }
  return runs;
}
