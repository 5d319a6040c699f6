// Text for the evidence PDF: what its fonts print (pdf-fonts.ts), in lines that fit.

// Zero-width characters, direction marks and overrides: invisible, and unsafe to keep.
const invisible = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/**
 * Text ready to print: composed (NFC), any space becomes a space, a tab four, line ends "\n",
 * and controls and invisible characters go. Every other character is kept; the fonts print it
 * or a "?" (pdf-fonts.ts `fontRuns`).
 */
export function printableText(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC").replace(/\r\n?/g, "\n")) {
    const code = char.codePointAt(0)!;
    if (char === "\n") out += "\n";
    else if (char === "\t") out += "    ";
    else if (/\p{Zs}/u.test(char)) out += " ";
    else if (invisible.test(char) || code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else out += char;
  }
  return out;
}

/**
 * Breaks text into lines no wider than `maxWidth`: at spaces when it can, inside a word when the
 * word alone is too wide. Blank lines are kept, so paragraphs stay apart.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  widthOf: (text: string) => number,
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.trimEnd().split(" ")) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (widthOf(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== "") lines.push(line);
      let rest = word;
      while (rest.length > 1 && widthOf(rest) > maxWidth) {
        const fits = longestFittingPrefix(rest, maxWidth, widthOf);
        lines.push(rest.slice(0, fits));
        rest = rest.slice(fits);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

function longestFittingPrefix(word: string, maxWidth: number, widthOf: (text: string) => number) {
  let low = 1;
  let high = word.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (widthOf(word.slice(0, middle)) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Cuts a one-line text to fit, with an ellipsis (for running headers). */
export function fitOnOneLine(text: string, maxWidth: number, widthOf: (text: string) => number) {
  const line = text.replace(/\s+/g, " ").trim();
  if (widthOf(line) <= maxWidth) return line;
  const fits = longestFittingPrefix(line, maxWidth - widthOf("…"), widthOf);
  return `${line.slice(0, fits).trimEnd()}…`;
}
