import superjson from "superjson";

/**
 * superjson's envelope of an answer made of plain data, made by a plain walk.
 *
 * superjson keeps every object and array of an answer in a Map, to spot the same object met
 * twice (its `referentialEqualities`), and builds its annotations as trees; for the dashboard's
 * list (~90 rows, ~40 kB) that was a fifth of the list's own CPU per request. An answer of
 * plain objects, arrays, strings, finite numbers (not -0), booleans, null and valid Dates needs
 * none of it: the same `json` (Dates as `toISOString`) and the path of each Date, which
 * superjson on the other end reads back. An answer without Dates (the dashboard's list: its
 * times are numbers) is its own `json`, checked and sent without a copy; one with Dates is
 * copied with them as ISO strings. Anything else (undefined, a Map, a Set, a class instance,
 * NaN, -0, a Date at the root, a key superjson refuses, a very deep answer) goes to superjson
 * whole, unchanged.
 *
 * The one difference: a Date met at two paths is sent twice, and read back as two equal Dates
 * rather than one (superjson would note their identity). Nothing reads an answer's identities.
 */
export function serialize(value: unknown): ReturnType<typeof superjson.serialize> {
  if (value instanceof Date) return superjson.serialize(value);
  const found = plainWithoutDates(value, 0);
  if (found === "plain") return { json: value as never };
  if (found === "refused") return superjson.serialize(value);
  const walk: Walk = { dates: [], path: [] };
  const json = copied(value, walk, 0);
  if (json === refused) return superjson.serialize(value);
  const values: Record<string, ["Date"]> = {};
  for (const path of walk.dates) values[path] = ["Date"];
  return { json: json as never, meta: { values, v: 1 } };
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
  /** The keys down to the value being copied. */
  path: string[];
}

const refused = Symbol("not plain data");

/**
 * "plain" when `value` is plain data as above without a Date: `JSON.stringify` of it is then
 * superjson's `json` as it is (a plain object has no `toJSON`: a function is not plain data),
 * and it is sent without a copy. "date" at the first Date met (`copied` takes over: writing a
 * Date's ISO string into a copy is faster than `JSON.stringify` calling each Date's `toJSON`);
 * "refused" for anything superjson must see.
 */
function plainWithoutDates(value: unknown, depth: number): "plain" | "date" | "refused" {
  if (value === null) return "plain";
  switch (typeof value) {
    case "string":
    case "boolean":
      return "plain";
    case "number":
      // superjson marks NaN, the infinities and -0.
      return Number.isFinite(value) && !Object.is(value, -0) ? "plain" : "refused";
    case "object":
      break;
    default:
      return "refused";
  }
  if (depth > deepest) return "refused";
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype === Date.prototype) return "date";
  if (prototype === Array.prototype) {
    const array = value as unknown[];
    for (let i = 0; i < array.length; i++) {
      if (!(i in array)) return "refused";
      const item = array[i];
      if (item === null || typeof item === "string" || typeof item === "boolean") continue;
      const found = plainWithoutDates(item, depth + 1);
      if (found !== "plain") return found;
    }
    return "plain";
  }
  if (prototype !== Object.prototype && prototype !== null) return "refused";
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (refusedKeys.has(key)) return "refused";
    const item = object[key];
    if (item === null || typeof item === "string" || typeof item === "boolean") continue;
    const found = plainWithoutDates(item, depth + 1);
    if (found !== "plain") return found;
  }
  return "plain";
}

/**
 * A copy of `value` with its Dates as ISO strings (as superjson's `json`: `JSON.stringify` of
 * Date objects is twice as slow as of their strings), their paths pushed in superjson's order
 * (an object's keys as `Object.keys` gives them, array items in order); `refused` when `value`
 * is not plain data as above.
 */
function copied(value: unknown, walk: Walk, depth: number): unknown {
  if (value === null) return value;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // superjson marks NaN, the infinities and -0.
      return Number.isFinite(value) && !Object.is(value, -0) ? value : refused;
    case "object":
      break;
    default:
      return refused;
  }
  if (depth > deepest) return refused;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype === Date.prototype) {
    const time = (value as Date).getTime();
    if (Number.isNaN(time)) return refused;
    walk.dates.push(walk.path.map(escapeKey).join("."));
    return (value as Date).toISOString();
  }
  if (prototype === Array.prototype) {
    const array = value as unknown[];
    const copy: unknown[] = new Array<unknown>(array.length);
    for (let i = 0; i < array.length; i++) {
      if (!(i in array)) return refused;
      const item = array[i];
      if (item === null || typeof item === "string" || typeof item === "boolean") {
        copy[i] = item;
        continue;
      }
      walk.path.push(String(i));
      const itemCopy = copied(item, walk, depth + 1);
      walk.path.pop();
      if (itemCopy === refused) return refused;
      copy[i] = itemCopy;
    }
    return copy;
  }
  if (prototype !== Object.prototype && prototype !== null) return refused;
  const object = value as Record<string, unknown>;
  const copy: Record<string, unknown> =
    prototype === null ? (Object.create(null) as Record<string, unknown>) : {};
  for (const key of Object.keys(object)) {
    if (refusedKeys.has(key)) return refused;
    const item = object[key];
    if (item === null || typeof item === "string" || typeof item === "boolean") {
      copy[key] = item;
      continue;
    }
    walk.path.push(key);
    const itemCopy = copied(item, walk, depth + 1);
    walk.path.pop();
    if (itemCopy === refused) return refused;
    copy[key] = itemCopy;
  }
  return copy;
}
