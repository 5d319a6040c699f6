import { z } from "zod";

/** The longest text a string field of the schema accepts (undefined: no limit or not text). */
export function maxLengthOf(schema: z.core.$ZodType): number | undefined {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault
  ) {
    return maxLengthOf(schema.unwrap());
  }
  // A pipe's limit may sit on either side (`z.string().trim().pipe(freeText(200, …))`).
  if (schema instanceof z.ZodPipe) {
    const limits = [schema.in, schema.out]
      .map((side) => maxLengthOf(side))
      .filter((limit) => limit !== undefined);
    return limits.length > 0 ? Math.min(...limits) : undefined;
  }
  // `z.url()` and `z.email()` are string formats, not `ZodString`s, with the same limit.
  return schema instanceof z.ZodString || schema instanceof z.ZodStringFormat
    ? (schema.maxLength ?? undefined)
    : undefined;
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
  return limits;
}
