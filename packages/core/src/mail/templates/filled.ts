import type { ReactElement } from "react";

import { renderParts } from "./layout";

/**
 * An email's parts rendered once per shape and filled in for each email.
 *
 * A template made fast this way takes every value that differs from one email to the next as
 * a preformatted string (a "slot": a name, a date on the reader's clock, a countdown, a link),
 * and everything that changes its markup (the language, which blocks show, how many list
 * items) as its shape. The first email of a shape is rendered with a marker in each slot (React,
 * then html-to-text, as `renderEmail`); the markup and text are kept cut at the markers, and
 * each later email of that shape is the pieces joined around its own values: HTML-escaped as
 * React escapes text and attributes, and as they are in the text part.
 *
 * The text part is html-to-text's, which collapses runs of whitespace and trims blocks: a value
 * with a tab, a line break, two spaces in a row, a space at either end (or nothing at all) would
 * not come out as itself, so an email with such a value is rendered in full as before. A link
 * starting with "#" or "mailto:" likewise (html-to-text writes those differently).
 */

/** React's escaping of text and attribute values (react-dom `escapeTextForBrowser`). */
const htmlEscapes: Record<string, string> = {
  '"': "&quot;",
  "&": "&amp;",
  "'": "&#x27;",
  "<": "&lt;",
  ">": "&gt;",
};
const escapeHtml = (value: string) => value.replace(/["&'<>]/g, (c) => htmlEscapes[c]!);

// react-email's Preview: the text cut at 150 characters, padded to 150 with invisible characters.
const previewLength = 150;
const previewPadding = "\xA0\u200C\u200B\u200D\u200E\u200F\uFEFF";
function previewMarkup(preview: string) {
  const text = preview.substring(0, previewLength);
  const padding =
    text.length >= previewLength
      ? ""
      : `<div>${previewPadding.repeat(previewLength - text.length)}</div>`;
  return `${escapeHtml(text)}${padding}`;
}

// Private-use characters: no translation, value or markup of ours has them.
const slotMark = (i: number) => `\uE000${i}\uE001`;
const previewMark = "\uE002";
const marks = /\uE000(\d+)\uE001|\uE002(?:<div>[^<]*<\/div>)?/g;

/** Literal pieces and, between them, a slot's index (-1: the preview). */
type Pieces = (string | number)[];

function cut(rendered: string): Pieces {
  const pieces: Pieces = [];
  let last = 0;
  for (const match of rendered.matchAll(marks)) {
    pieces.push(rendered.slice(last, match.index));
    pieces.push(match[1] === undefined ? -1 : Number(match[1]));
    last = match.index + match[0].length;
  }
  pieces.push(rendered.slice(last));
  return pieces;
}

function join(pieces: Pieces, values: readonly string[]) {
  let out = "";
  for (const piece of pieces) out += typeof piece === "string" ? piece : values[piece]!;
  return out;
}

/** A value that html-to-text writes as it is. */
const fillable = (value: string) =>
  value.length > 0 &&
  !/[\t\n\r\f\u200b]| {2}|^ | $|^#|^mailto:/i.test(value) &&
  !/[\uE000-\uE002]/.test(value);

interface Compiled {
  html: Pieces;
  text: Pieces;
}

/** Shapes kept at most (each a few kB); the whole cache is dropped when full. */
const keptShapes = 500;
const compiled = new Map<string, Promise<Compiled | null>>();

async function compile<S extends Record<string, string>>(
  names: (keyof S)[],
  render: (slots: S, preview: string) => ReactElement,
): Promise<Compiled | null> {
  const marked = Object.fromEntries(names.map((name, i) => [name, slotMark(i)])) as S;
  const { html, text } = await renderParts(render(marked, previewMark));
  const textPieces = cut(text);
  // The preview is not in the text part; if it were, the template is not one to fill.
  if (textPieces.includes(-1)) return null;
  return { html: cut(html), text: textPieces };
}

/**
 * The HTML and text of `render(slots, preview)`, from the pieces of its shape when every slot
 * can be filled in, else rendered in full. `shape` must name everything but the slots that
 * changes the markup (the language included); `render` must use each slot as it is, as text or
 * an attribute's value.
 */
export async function renderFilled<S extends Record<string, string>>(
  shape: string,
  slots: S,
  preview: string,
  render: (slots: S, preview: string) => ReactElement,
): Promise<{ text: string; html: string }> {
  const names = Object.keys(slots) as (keyof S)[];
  const values = names.map((name) => slots[name]!);
  if (!values.every(fillable)) return renderParts(render(slots, preview));
  const key = `${shape}\u0000${names.join(",")}`;
  let pieces = compiled.get(key);
  if (!pieces) {
    if (compiled.size >= keptShapes) compiled.clear();
    pieces = compile(names, render);
    compiled.set(key, pieces);
    pieces.catch(() => compiled.delete(key));
  }
  const done = await pieces;
  if (!done) return renderParts(render(slots, preview));
  const withPreview = (i: number) => (i === -1 ? previewMarkup(preview) : escapeHtml(values[i]!));
  let html = "";
  for (const piece of done.html) html += typeof piece === "string" ? piece : withPreview(piece);
  return { html, text: join(done.text, values) };
}
