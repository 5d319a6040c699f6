/**
 * Damerau-Levenshtein distance (optimal string alignment variant): inserting, deleting or
 * replacing a character, or swapping two neighbours, each cost 1 — the usual typo-squatting
 * edits. Counts code points so that a Cyrillic letter is one character, not two.
 */
export function damerauLevenshtein(from: string, to: string): number {
  const a = Array.from(from);
  const b = Array.from(to);
  const width = b.length + 1;
  // cells[i * width + j] = distance between the first i characters of a and the first j of b.
  const cells: number[] = [];
  const cell = (i: number, j: number) => cells[i * width + j] ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        cells[i * width + j] = i + j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(cell(i - 1, j) + 1, cell(i, j - 1) + 1, cell(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, cell(i - 2, j - 2) + 1);
      }
      cells[i * width + j] = best;
    }
  }
  return cell(a.length, b.length);
}
