import superjson from "superjson";

type Annotation = ["Date"] | ["undefined"];
type Serialized = ReturnType<typeof superjson.serialize>;

/** Met a value the short walk does not write: superjson writes the whole answer. */
const notPlain = Symbol("not plain");

/** superjson's path segment escaping (`a.b` → `a\.b`). */
const escapeKey = (key: string) =>
  key.includes("\\") || key.includes(".")
    ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.")
    : key;

/**
 * superjson's `serialize`, the short way for what procedures answer: plain objects, arrays,
 * strings, finite numbers, booleans, null, undefined and valid Dates. superjson walks every
 * value through its registries and records each object's identity; on a dashboard answer that
 * was a tenth of the server's CPU. The output is superjson's own format (`json` plus `meta`
 * with the same paths), so its `deserialize` reads it on the client. Anything else in the
 * answer (Map, Set, BigInt, NaN, -0, a class instance, an invalid Date, a very deep or
 * circular value) and superjson serializes the whole answer itself. One difference: an object
 * met twice arrives as two equal copies, not one shared object.
 */
export function serialize(value: unknown): Serialized {
  const values: Record<string, Annotation> = {};
  let annotated = false;
  const path: string[] = [];
  const annotate = (annotation: Annotation) => {
    values[path.join(".")] = annotation;
    annotated = true;
  };
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") {
      if (Number.isFinite(v) && !Object.is(v, -0)) return v;
      throw notPlain;
    }
    // The root's own annotation has another form in superjson: left to it.
    if (path.length === 0 || path.length > 100) throw notPlain;
    if (v === undefined) {
      annotate(["undefined"]);
      return null;
    }
    if (typeof v !== "object") throw notPlain;
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) throw notPlain;
      annotate(["Date"]);
      return v.toISOString();
    }
    return container(v);
  };
  const container = (v: object): unknown => {
    if (Array.isArray(v)) {
      const out: unknown[] = new Array(v.length);
      for (let i = 0; i < v.length; i++) {
        path.push(String(i));
        out[i] = walk(v[i]);
        path.pop();
      }
      return out;
    }
    const prototype = Object.getPrototypeOf(v) as unknown;
    if (prototype !== Object.prototype && prototype !== null) throw notPlain;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      path.push(escapeKey(key));
      out[key] = walk((v as Record<string, unknown>)[key]);
      path.pop();
    }
    return out;
  };
  try {
    const root =
      value !== null && typeof value === "object" && !(value instanceof Date)
        ? container(value)
        : undefined;
    if (root === undefined) return superjson.serialize(value);
    return annotated ? { json: root as never, meta: { values, v: 1 } } : { json: root as never };
  } catch (error) {
    if (error === notPlain) return superjson.serialize(value);
    throw error;
  }
}

/** tRPC's transformer: answers written by `serialize`, read as superjson reads them. */
export const transformer = {
  serialize,
  deserialize: (payload: Serialized) => superjson.deserialize(payload),
};
