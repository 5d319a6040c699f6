import "server-only";

import type { DomainErrorCode } from "@caseward/core";
import { DomainError } from "@caseward/core";

import { env } from "~/env";

// Helpers of the route handlers that are not tRPC (file upload and download).

const statusOf: Record<DomainErrorCode, number> = {
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

export const failure = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

/** A user's mistake becomes its 4xx; anything else is a logged 500 without personal data. */
export function errorResponse(error: unknown, what: string) {
  if (error instanceof DomainError) return failure(statusOf[error.code], error.message);
  // The error name only: messages and causes may carry personal data.
  console.error(`${what} failed: ${error instanceof Error ? error.name : typeof error}`);
  return failure(500, "Something went wrong. Please try again.");
}

/** A browser always names the page that sent a write; another site's page must not write. */
export function fromOtherSite(req: Request) {
  const origin = req.headers.get("origin");
  if (origin === null) return false;
  try {
    const { host } = new URL(origin);
    return host !== req.headers.get("host") && host !== new URL(env.BASE_URL).host;
  } catch {
    return true;
  }
}
