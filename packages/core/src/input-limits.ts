import { z } from "zod";

/** The schema under optional/nullable/default and the input side of a pipe. */
function innerSchema(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault
    ) {
      current = current.unwrap() as z.core.$ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.core.$ZodType;
    } else {
      return current;
    }
  }
}

/** The longest text a string field of the schema accepts (undefined: no limit or not text). */
export function maxLengthOf(schema: z.core.$ZodType): number | undefined {
  const inner = innerSchema(schema);
  return inner instanceof z.ZodString ? (inner.maxLength ?? undefined) : undefined;
}

/**
 * The server's length limit of every text field of an input schema, for the form's
 * `maxLength`: a field stops where the server would, and the limit is written once.
 */
export function maxLengthsOf<S extends z.ZodObject>(
  schema: S,
): Partial<Record<keyof S["shape"] & string, number>> {
  const limits: Partial<Record<string, number>> = {};
  for (const [field, fieldSchema] of Object.entries(schema.shape)) {
    const limit = maxLengthOf(fieldSchema as z.core.$ZodType);
    if (limit !== undefined) limits[field] = limit;
  }
  return limits as Partial<Record<keyof S["shape"] & string, number>>;
}
