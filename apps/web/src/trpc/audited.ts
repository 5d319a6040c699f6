import type { AuditEventKind } from "@caseward/db/schema";
import { recordAuditEvent, requestOrigin } from "@caseward/core";

import { protectedProcedure } from "./init";

/** The input's `…Id` fields: what a security activity row may say about the thing. */
function idsOf(input: unknown): Record<string, string> {
  if (typeof input !== "object" || input === null) return {};
  return Object.fromEntries(
    Object.entries(input).filter(
      // Raw input (the procedure's schema has not run yet): only id-shaped values are kept.
      (entry): entry is [string, string] =>
        entry[0].endsWith("Id") && typeof entry[1] === "string" && /^[\w-]{1,64}$/.test(entry[1]),
    ),
  );
}

/**
 * A protected procedure whose success is recorded in the user's security activity as `kind`,
 * with the ids of its input and the request's device and place.
 */
export const auditedProcedure = (kind: AuditEventKind) =>
  protectedProcedure.use(async ({ ctx, getRawInput, next }) => {
    const result = await next();
    if (result.ok) {
      const origin = requestOrigin(ctx.headers ?? new Headers());
      const detail = idsOf(await getRawInput());
      // Logged, not thrown: the change the user asked for has been made.
      await recordAuditEvent(ctx.db, ctx.user.id, { kind, ...origin, detail }).catch(
        (error: unknown) =>
          console.error(`security activity not recorded: ${(error as Error).name}`),
      );
    }
    return result;
  });
