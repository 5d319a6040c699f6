import { Column } from "drizzle-orm";
import type { SQL } from "drizzle-orm/sql";
import { sql } from "drizzle-orm/sql";

/** Columns (or expressions) under the keys the application reads them by. */
export type JsonFields = Record<string, Column | SQL>;

/** What `readJsonRow` makes of a row of `fields`: each column as drizzle reads it. */
export type JsonRow<F extends JsonFields> = {
  [K in keyof F]: F[K] extends Column
    ? F[K]["_"]["data"] | (F[K]["_"]["notNull"] extends true ? never : null)
    : unknown;
};

/**
 * `json_build_object('key', column, …)`: one row of `fields` as a JSON value, so that a page's
 * rows of several tables come back from ONE query (a round trip costs more CPU here than
 * reading the rows). Keys are our own identifiers, never input.
 */
export function jsonObject(fields: JsonFields): SQL {
  return sql`json_build_object(${sql.join(
    Object.entries(fields).map(([key, field]) => sql`${sql.raw(`'${key}'`)}, ${field}`),
    sql`, `,
  )})`;
}

/** `coalesce(json_agg(jsonObject(fields) order by …), '[]')`: the rows of a subquery as a JSON array. */
export function jsonRows(fields: JsonFields, orderBy: SQL): SQL {
  return sql`coalesce(json_agg(${jsonObject(fields)} order by ${orderBy}), '[]')`;
}

/**
 * A row of `jsonObject(fields)` as drizzle would have read it from its columns: timestamps as
 * Dates, encrypted text decrypted, numbers as numbers. JSON spells a timestamp in ISO form,
 * which each column's own decoder reads as it reads the driver's text.
 */
export function readJsonRow<F extends JsonFields>(
  fields: F,
  value: Record<string, unknown>,
): JsonRow<F> {
  const row: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    const cell = value[key];
    row[key] =
      cell === null || cell === undefined || !(field instanceof Column)
        ? (cell ?? null)
        : field.mapFromDriverValue(cell);
  }
  return row as JsonRow<F>;
}
