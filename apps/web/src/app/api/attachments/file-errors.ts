import "server-only";

import { FileNotMovedError, FileUnavailableError, isDatabaseUnavailable } from "@caseward/core";

import { errorResponse, failure } from "~/server/http";

/**
 * A file that cannot be read for now (the database is down, or the file still waits on disk for
 * `pnpm files:migrate`) is a 503 the user can retry, not a 500; the rest as errorResponse.
 */
export function fileErrorResponse(error: unknown, what: string) {
  if (
    error instanceof FileUnavailableError ||
    error instanceof FileNotMovedError ||
    isDatabaseUnavailable(error)
  ) {
    console.error(`${what} unavailable: ${(error as Error).name}`);
    return failure(
      503,
      "Files cannot be saved or opened right now. Please try again in a few minutes.",
    );
  }
  return errorResponse(error, what);
}
