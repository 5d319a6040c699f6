// The ICU messages a browser formats, without ICU. The first `Intl` call of a page makes the
// browser load its ICU data: ~50–200 ms of a phone's main thread (4× slowed), paid while the
// page hydrates, because next-intl formats every message with values through
// `intl-messageformat`, which starts with `Intl.Locale` and `Intl.PluralRules`. Most of the
// client's messages need none of that: an argument that is a word, a tag, a plural or a select
// on a small whole number. `lightFormat` writes those itself, exactly as `intl-messageformat`
// would (checked message by message against it, in both languages, by light-format.test.ts),
// and answers `undefined` for everything else (dates, decimals, large numbers, offsets,
// escapes), which then goes to next-intl as before.

import type { ReactNode } from "react";
import { cloneElement, isValidElement } from "react";

type Part =
  | string
  | { kind: "argument"; name: string }
  | { kind: "pound" }
  | { kind: "plural"; name: string; options: Map<string, Part[]> }
  | { kind: "select"; name: string; options: Map<string, Part[]> }
  | { kind: "tag"; name: string; children: Part[] };

/** Thrown inside the parser for anything it leaves to intl-messageformat. */
class NotLight extends Error {}

const nameChar = /[A-Za-z0-9_]/;
const tagNameChar = /[A-Za-z0-9_-]/;

/** Parses the light subset of ICU; null for a message it leaves to intl-messageformat. */
export function parseLight(message: string): Part[] | null {
  // Quoting: an apostrophe before a syntax character (or another apostrophe) escapes it.
  if (/'[{}<>#|']/.test(message)) return null;
  let at = 0;
  const fail = (): never => {
    throw new NotLight();
  };
  const space = () => {
    while (at < message.length && /\s/.test(message[at]!)) at++;
  };
  const word = (chars: RegExp) => {
    const start = at;
    while (at < message.length && chars.test(message[at]!)) at++;
    if (at === start) fail();
    return message.slice(start, at);
  };
  const expect = (char: string) => {
    if (message[at] !== char) fail();
    at++;
  };

  /** Parts up to `closing`: "}" (an option's end), a tag's name, or null (the message's end). */
  function parts(inPlural: boolean, closing: string | null): Part[] {
    const out: Part[] = [];
    let text = "";
    const flush = () => {
      if (text) out.push(text);
      text = "";
    };
    while (at < message.length) {
      const char = message[at]!;
      if (char === "}") {
        if (closing !== "}") fail();
        flush();
        return out;
      }
      if (char === "{") {
        flush();
        out.push(argument());
        continue;
      }
      if (char === "#" && inPlural) {
        flush();
        out.push({ kind: "pound" });
        at++;
        continue;
      }
      if (char === "<") {
        if (message[at + 1] === "/") {
          at += 2;
          const name = word(tagNameChar);
          expect(">");
          if (name !== closing) fail();
          flush();
          return out;
        }
        at++;
        const name = word(tagNameChar);
        expect(">");
        flush();
        out.push({ kind: "tag", name, children: parts(inPlural, name) });
        continue;
      }
      if (char === ">") fail();
      text += char;
      at++;
    }
    if (closing !== null) fail();
    flush();
    return out;
  }

  function argument(): Part {
    expect("{");
    space();
    const name = word(nameChar);
    space();
    if (message[at] === "}") {
      at++;
      return { kind: "argument", name };
    }
    expect(",");
    space();
    const type = word(/[a-z]/);
    space();
    if (type !== "plural" && type !== "select") return fail();
    expect(",");
    const options = new Map<string, Part[]>();
    for (;;) {
      space();
      if (message[at] === "}") break;
      const key = word(/[A-Za-z0-9_=]/);
      if (key.startsWith("offset")) fail();
      space();
      expect("{");
      options.set(key, parts(type === "plural", "}"));
      expect("}");
    }
    expect("}");
    if (!options.has("other")) fail();
    return { kind: type, name, options };
  }

  try {
    return parts(false, null);
  } catch (error) {
    if (error instanceof NotLight) return null;
    throw error;
  }
}

/** A whole number small enough to be written the same in every locale (no grouping). */
const isSmallWhole = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 1000;

/** CLDR's cardinal categories of a small whole number in the app's languages. */
function pluralCategory(locale: string, n: number) {
  if (locale.startsWith("fr")) return n === 0 || n === 1 ? "one" : "other";
  return n === 1 ? "one" : "other";
}

type Values = Record<string, unknown>;
type Written = (string | ReactNode)[];

/** Signals a value the light path does not write (then next-intl does it). */
class NotWritable extends Error {}

function write(parts: Part[], values: Values, locale: string, pound: number | null): Written {
  const out: Written = [];
  for (const part of parts) {
    if (typeof part === "string") out.push(part);
    else if (part.kind === "pound") {
      if (pound === null) throw new NotWritable();
      out.push(String(pound));
    } else if (part.kind === "argument") {
      const value = values[part.name];
      if (typeof value === "string") out.push(value);
      else if (isSmallWhole(value)) out.push(String(value));
      else throw new NotWritable();
    } else if (part.kind === "plural") {
      const value = values[part.name];
      if (!isSmallWhole(value)) throw new NotWritable();
      const chosen =
        part.options.get(`=${value}`) ??
        part.options.get(pluralCategory(locale, value)) ??
        part.options.get("other")!;
      out.push(...write(chosen, values, locale, value));
    } else if (part.kind === "select") {
      const value = values[part.name];
      if (typeof value !== "string" && typeof value !== "number") throw new NotWritable();
      const chosen = part.options.get(String(value)) ?? part.options.get("other")!;
      out.push(...write(chosen, values, locale, pound));
    } else {
      const tag = values[part.name];
      if (typeof tag !== "function") throw new NotWritable();
      const chunks = joinStrings(write(part.children, values, locale, pound));
      out.push((tag as (chunks: Written) => ReactNode)(chunks));
    }
  }
  return out;
}

/** Adjacent strings as one, as intl-messageformat hands chunks and results over. */
function joinStrings(parts: Written): Written {
  const out: Written = [];
  for (const part of parts) {
    const last = out.length - 1;
    if (typeof part === "string" && typeof out[last] === "string") out[last] += part;
    else out.push(part);
  }
  return out;
}

const parsed = new Map<string, Part[] | null>();

/**
 * `message` with `values`, as intl-messageformat writes it, or undefined when the message or a
 * value is outside the light subset. Tag functions receive their chunks as an array, and a
 * React element they return gets a key, as next-intl does.
 */
export function lightFormat(
  message: string,
  values: Values,
  locale: string,
): string | ReactNode | undefined {
  let parts = parsed.get(message);
  if (parts === undefined) {
    parts = parseLight(message);
    parsed.set(message, parts);
  }
  if (!parts) return undefined;
  let key = 0;
  const keyed: Values = {};
  for (const [name, value] of Object.entries(values)) {
    keyed[name] =
      typeof value === "function"
        ? (chunks: Written) => {
            const result = (value as (chunks: Written) => ReactNode)(chunks);
            return isValidElement(result) ? cloneElement(result, { key: name + key++ }) : result;
          }
        : value;
  }
  try {
    const written = joinStrings(write(parts, keyed, locale, null));
    if (written.every((part) => typeof part === "string")) return written.join("");
    return written.length === 1 ? written[0] : written;
  } catch (error) {
    if (error instanceof NotWritable) return undefined;
    throw error;
  }
}
