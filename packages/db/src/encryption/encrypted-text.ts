import { customType } from "drizzle-orm/pg-core";

import { decryptField, encryptField } from "./field-cipher";

/**
 * A text column stored encrypted (AES-256-GCM, `cw1:` format): the application reads and writes
 * plaintext, the database only ever holds ciphertext. The table and column name are bound into
 * each value. Never filter or sort on such a column in SQL: the database cannot read it.
 */
export const encryptedText = (table: string, column: string) => {
  const context = `${table}.${column}`;
  return customType<{ data: string; driverData: string }>({
    dataType: () => "text",
    toDriver: (value) => encryptField(value, context),
    fromDriver: (value) => decryptField(value, context),
  })(column);
};

/**
 * A JSON value stored as encrypted text, as `encryptedText` does: the database cannot read
 * its keys or values. A value stored before encryption (plain JSON text) still reads.
 */
export const encryptedJson = <T>(table: string, column: string) => {
  const context = `${table}.${column}`;
  return customType<{ data: T; driverData: string }>({
    dataType: () => "text",
    toDriver: (value) => encryptField(JSON.stringify(value), context),
    fromDriver: (value) => JSON.parse(decryptField(value, context)) as T,
  })(column);
};
