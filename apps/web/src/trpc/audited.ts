import type { AuditEventKind } from "@caseward/db/schema";
import { recordAuditEvent, requestOrigin } from "@caseward/core";
import type { z } from "zod";

import { protectedProcedure } from "./init";

/**
 * What a procedure's success records in the user's security activity: the event's kind, the
 * procedure's input schema, and which fields of the parsed input the event names (ids only).
 */
export interface AuditDescription<Input extends z.ZodObject, Field extends string> {
  kind: AuditEventKind;
  input: Input;
  records: readonly (Field & keyof z.output<Input>)[];
}

/** The named fields of the parsed input that hold text: nothing else of the request is kept. */
function recordedFields(input: Record<string, unknown>, fields: readonly string[]) {
  return Object.fromEntries(
    fields.flatMap((field) => {
      const value = input[field];
      return typeof value === "string" ? [[field, value]] : [];
    }),
  );
}

/**
 * A protected procedure with its input, whose success is recorded in the user's security
 * activity as `kind`, with the fields of the parsed input that `records` names and the
 * request's device and place. Raw input is never read: keys the schema does not know (2,000 of
 * them, say) never reach the log.
 */
export const auditedProcedure = <Input extends z.ZodObject, Field extends string>(
  audit: AuditDescription<Input, Field>,
) =>
  protectedProcedure.input(audit.input).use(async ({ ctx, input, next }) => {
    const result = await next();
    if (result.ok) {
      const origin = requestOrigin(ctx.headers ?? new Headers());
      const detail = recordedFields(input, audit.records);
      // Logged, not thrown: the change the user asked for has been made.
      await recordAuditEvent(ctx.db, ctx.user.id, { kind: audit.kind, ...origin, detail }).catch(
        (error: unknown) =>
          console.error(`security activity not recorded: ${(error as Error).name}`),
      );
    }
    return result;
  });
