import superjson from "superjson";

/**
 * superjson's envelope of an answer made of plain data, made by a plain walk.
 *
 * superjson keeps every object and array of an answer in a Map, to spot the same object met
 * twice (its `referentialEqualities`), builds its annotations as trees and copies the answer;
 * for the dashboard's list (~90 rows, ~40 kB) that was a fifth of the list's own CPU per
 * request. An answer of plain objects, arrays, strings, finite numbers (not -0), booleans, null
 * and valid Dates needs none of it: its `json` is the answer itself — `JSON.stringify` writes a
 * valid Date as `toISOString()`, what superjson puts in its `json` — and its meta the path of
 * each Date, which superjson on the other end reads back. The answer is walked once, to check it
 * is such data and find its Dates, and neither copied nor changed. Anything else (undefined, a
 * Map, a Set, a class instance, NaN, -0, a Date at the root, a key superjson refuses, a very
 * deep answer) goes to superjson whole, unchanged.
 *
 * The one difference: a Date met at two paths is sent twice, and read back as two equal Dates
 * rather than one (superjson would note their identity). Nothing reads an answer's identities.
 */
export function serialize(value: unknown): ReturnType<typeof superjson.serialize> {
  if (value instanceof Date) return superjson.serialize(value);
  const walk: Walk = { dates: [], path: [] };
  if (!plain(value, walk, 0)) return superjson.serialize(value);
  if (walk.dates.length === 0) return { json: value as never };
  const values: Record<string, ["Date"]> = {};
  for (const path of walk.dates) values[path] = ["Date"];
  return { json: value as never, meta: { values, v: 1 } };
}

/** superjson's wire format, read by superjson (the requests' inputs). */
export const transformer = { serialize, deserialize: superjson.deserialize };

const deepest = 64;
const refusedKeys = new Set(["__proto__", "constructor", "prototype"]);

// A key of a path as superjson writes it: dots and backslashes escaped.
const escapeKey = (key: string) =>
  key.includes("\\") || key.includes(".") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key;

interface Walk {
  /** The path of each Date met, as superjson writes it. */
  dates: string[];
  /** The keys (escaped) and indexes down to the value being looked at. */
  path: (string | number)[];
}

/**
 * Whether `value` is plain data as above (its Dates' paths pushed in superjson's order: an
 * object's keys as `Object.keys` gives them, array items in order). `JSON.stringify` of it is
 * then superjson's `json`: a plain object has no `toJSON` (a function is not plain data).
 */
function plain(value: unknown, walk: Walk, depth: number): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      // superjson marks NaN, the infinities and -0.
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object":
      break;
    default:
      return false;
  }
  if (depth > deepest) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype === Date.prototype) {
    // A Date of its own `toJSON` would not write its ISO form.
    if (Number.isNaN((value as Date).getTime()) || Object.hasOwn(value, "toJSON")) return false;
    walk.dates.push(walk.path.join("."));
    return true;
  }
  if (prototype === Array.prototype) {
    const array = value as unknown[];
    for (let i = 0; i < array.length; i++) {
      if (!(i in array)) return false;
      const item = array[i];
      if (item === null || typeof item === "string" || typeof item === "boolean") continue;
      walk.path.push(i);
      const ok = plain(item, walk, depth + 1);
      walk.path.pop();
      if (!ok) return false;
    }
    return true;
  }
  if (prototype !== Object.prototype && prototype !== null) return false;
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (refusedKeys.has(key)) return false;
    const item = object[key];
    if (item === null || typeof item === "string" || typeof item === "boolean") continue;
    walk.path.push(escapeKey(key));
    const ok = plain(item, walk, depth + 1);
    walk.path.pop();
    if (!ok) return false;
  }
  return true;
}
