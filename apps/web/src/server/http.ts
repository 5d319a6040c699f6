import "server-only";

import type { DomainErrorCode } from "@caseward/core";
import { DomainError } from "@caseward/core";

import { env } from "~/env";
import { isCrossSiteWrite } from "./security-headers";

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

/** A write sent by another site's page (the proxy refuses these before any route runs). */
export const fromOtherSite = (req: Request) => isCrossSiteWrite(req, env.BASE_URL);

/** The request's body, or null as soon as it grows past `limit` bytes (a declared length may lie). */
export async function readBodyWithin(
  req: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
}
