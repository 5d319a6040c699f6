import { Column, getTableName } from "drizzle-orm";
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

/** The stored prefix of an encrypted value (encryption/field-cipher.ts). */
const sealedPrefix = "cw1:";

/**
 * `readJsonRow` for a page read again and again: the plain text of each encrypted cell is
 * remembered by its column and stored (sealed) value, so a page shown again decrypts nothing
 * (one AES-GCM decryption is ~5–10 µs here; a case page has ~35). A sealed value has one plain
 * text for its column (its key id, IV and tag are part of it, the column is authenticated), so
 * a hit is what decryption gives; a value that fails to decrypt throws and is not remembered.
 * Only what this process already read is kept, in memory, at most `entries` values and
 * `characters` characters of plain text; the oldest go first.
 */
export function rememberingJsonRows({ entries = 10_000, characters = 8_000_000 } = {}) {
  const texts = new Map<string, string>();
  let held = 0;
  const contexts = new WeakMap<Column, string>();
  const contextOf = (column: Column) => {
    let context = contexts.get(column);
    if (context === undefined) {
      context = `${getTableName(column.table)}.${column.name}:`;
      contexts.set(column, context);
    }
    return context;
  };
  const plainText = (column: Column, sealed: string) => {
    const key = contextOf(column) + sealed;
    let plain = texts.get(key);
    if (plain === undefined) {
      plain = column.mapFromDriverValue(sealed) as string;
      texts.set(key, plain);
      held += key.length + plain.length;
      while (texts.size > entries || held > characters) {
        const [oldKey, oldPlain] = texts.entries().next().value!;
        texts.delete(oldKey);
        held -= oldKey.length + oldPlain.length;
      }
    }
    return plain;
  };
  return function readRememberedJsonRow<F extends JsonFields>(
    fields: F,
    value: Record<string, unknown>,
  ): JsonRow<F> {
    const row: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(fields)) {
      const cell = value[key];
      row[key] =
        cell === null || cell === undefined || !(field instanceof Column)
          ? (cell ?? null)
          : typeof cell === "string" &&
              field.columnType === "PgCustomColumn" &&
              cell.startsWith(sealedPrefix)
            ? plainText(field, cell)
            : field.mapFromDriverValue(cell);
    }
    return row as JsonRow<F>;
  };
}
