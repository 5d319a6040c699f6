import type { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A page's filters from its link (`params[name]` for each field): a value that no longer makes
 * sense in a shared or hand-edited link is dropped, not refused.
 */
export function filtersFromLink<S extends z.ZodType<unknown, Record<string, unknown>>>(
  schema: S,
  params: SearchParams,
  names: Record<string, string>,
): z.output<S> {
  const candidate = Object.fromEntries(
    Object.entries(names).map(([field, name]) => {
      const value = params[name];
      return [field, (Array.isArray(value) ? value[0] : value) || undefined];
    }),
  );
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const invalid = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  return schema.parse(
    Object.fromEntries(Object.entries(candidate).filter(([field]) => !invalid.has(field))),
  );
}
