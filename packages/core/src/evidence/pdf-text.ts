// Text for the PDF's standard fonts, which encode WinAnsi (Windows-1252) only.

/** The Windows-1252 characters outside Latin-1 (its 0x80–0x9F block). */
const windows1252Extras = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

// Zero-width characters, direction marks and overrides: invisible, and unsafe to keep.
const invisible = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/**
 * What a standard font can print: Latin-1 and the Windows-1252 extras kept (accents included),
 * any other space becomes a space, controls and invisible characters go, and every other
 * character (Greek, CJK, emoji…) becomes "?", one per character.
 */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC").replace(/\r\n?/g, "\n")) {
    const code = char.codePointAt(0)!;
    if (char === "\n") out += "\n";
    else if (char === "\t") out += "    ";
    else if (/\p{Zs}/u.test(char)) out += " ";
    else if (invisible.test(char) || code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else if (code <= 0xff || windows1252Extras.has(char)) out += char;
    else out += "?";
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
