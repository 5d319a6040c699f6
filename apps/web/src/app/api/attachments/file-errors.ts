import "server-only";

import { FileNotMovedError, FileUnavailableError, isDatabaseUnavailable } from "@caseward/core";

import { apiWords, errorResponse, failure } from "~/server/http";

/**
 * A file that cannot be read for now (the database is down, or the file still waits on disk for
 * `pnpm files:migrate`) is a 503 the user can retry, not a 500; the rest as errorResponse.
 */
export async function fileErrorResponse(error: unknown, what: string): Promise<Response> {
  if (
    error instanceof FileUnavailableError ||
    error instanceof FileNotMovedError ||
    isDatabaseUnavailable(error)
  ) {
    console.error(`${what} unavailable: ${(error as Error).name}`);
    return failure(503, (await apiWords())("filesUnavailable"));
  }
  return errorResponse(error, what);
}
