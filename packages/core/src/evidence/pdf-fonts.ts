import { readFileSync } from "node:fs";

import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

// The evidence PDF's fonts (fonts/README.md): Noto Sans for Latin, Greek and Cyrillic, and
// Droid Sans Fallback for Chinese, Japanese and Korean. A PDF's standard fonts print
// Windows-1252 only, so a customer named Zoë Nguyễn or 王芳 came out as "?".

// `new URL(…, import.meta.url)` is the form bundlers (Next.js) copy next to the server code.
const fontFiles = {
  regular: new URL("./fonts/NotoSans-Regular.ttf", import.meta.url),
  bold: new URL("./fonts/NotoSans-Bold.ttf", import.meta.url),
  mono: new URL("./fonts/NotoSansMono-Regular.ttf", import.meta.url),
  fallback: new URL("./fonts/DroidSansFallback-CJK.ttf", import.meta.url),
};
type FontName = keyof typeof fontFiles;

const loaded = new Map<FontName, Uint8Array>();
/** A font file's bytes, read once per process. */
function fontBytes(name: FontName) {
  let bytes = loaded.get(name);
  if (!bytes) loaded.set(name, (bytes = readFileSync(fontFiles[name])));
  return bytes;
}

/** The document's fonts: each main font with the fallback for what it lacks. */
export interface EvidenceFonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
  /** Embedded only when some text needs it. */
  fallback: PDFFont | null;
}

const characterSets = new WeakMap<PDFFont, Set<number>>();
const charactersOf = (font: PDFFont) => {
  let set = characterSets.get(font);
  if (!set) characterSets.set(font, (set = new Set(font.getCharacterSet())));
  return set;
};

/**
 * Embeds the fonts (only the glyphs used end up in the file); the fallback only when `text`
 * (everything the PDF will print) has a character the main fonts lack.
 */
export async function embedEvidenceFonts(doc: PDFDocument, text: string): Promise<EvidenceFonts> {
  doc.registerFontkit(fontkit);
  const embed = (name: FontName) => doc.embedFont(fontBytes(name), { subset: true });
  const [regular, bold, mono] = await Promise.all([embed("regular"), embed("bold"), embed("mono")]);
  const known = charactersOf(regular);
  const needsFallback = [...text].some((char) => {
    const code = char.codePointAt(0)!;
    return code > 0x7f && !known.has(code);
  });
  return { regular, bold, mono, fallback: needsFallback ? await embed("fallback") : null };
}

/** A piece of a line printed in one font. */
export interface FontRun {
  text: string;
  font: PDFFont;
}

/**
 * A line cut into runs of one font: each character in `font` when it has it, else in the
 * fallback, else "?" (an emoji, a script neither has).
 */
export function fontRuns(line: string, font: PDFFont, fallback: PDFFont | null): FontRun[] {
  const runs: FontRun[] = [];
  const main = charactersOf(font);
  const other = fallback ? charactersOf(fallback) : null;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    const [text, runFont] = main.has(code)
      ? [char, font]
      : other?.has(code)
        ? [char, fallback!]
        : ["?", font];
    const last = runs.at(-1);
    if (last?.font === runFont) last.text += text;
    else runs.push({ text, font: runFont });
  }
  return runs;
}

/** The width of a line printed with `fontRuns`. */
export const runsWidth = (runs: readonly FontRun[], size: number) =>
  runs.reduce((width, run) => width + run.font.widthOfTextAtSize(run.text, size), 0);
