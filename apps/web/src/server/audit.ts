import "server-only";

import type { AuditEvent } from "@caseward/core";
import { recordAuditEvent, requestOrigin } from "@caseward/core";

import { db } from "./db";

/**
 * Records an event of a route handler's request in the user's security activity. A failure is
 * logged, not thrown: the user's download or delete has already happened.
 */
export async function recordRequestEvent(
  req: Request,
  userId: string,
  kind: AuditEvent["kind"],
  detail?: Record<string, string>,
) {
  try {
    await recordAuditEvent(db, userId, { kind, ...requestOrigin(req.headers), detail });
  } catch (error) {
    console.error(
      `security activity not recorded: ${error instanceof Error ? error.name : typeof error}`,
    );
  }
}
