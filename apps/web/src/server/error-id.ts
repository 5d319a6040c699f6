import "server-only";

import { randomBytes } from "node:crypto";

// One id per unexpected error: the answer quotes it and the log line has it, so a report
// ("error 3f9c…") leads to the line without either carrying the error's message.
const ids = new WeakMap<object, string>();

/** The id of this error (the same one every time it is asked). */
export function errorIdOf(error: object): string {
  let id = ids.get(error);
  if (!id) {
    id = randomBytes(6).toString("hex");
    ids.set(error, id);
  }
  return id;
}

export const unexpectedErrorMessage = (id: string) =>
  `Something went wrong on our side. Please try again; if it keeps happening, quote error ${id}.`;

/**
 * Logs an unexpected error by name and id only: messages and causes may carry personal data
 * (a database error quotes the statement's parameters). Returns the id.
 */
export function logUnexpectedError(what: string, error: unknown, id?: string): string {
  const errorId =
    id ?? (typeof error === "object" && error !== null ? errorIdOf(error) : errorIdOf({}));
  const name = error instanceof Error ? error.name : typeof error;
  console.error(`${what} failed: ${name} (error ${errorId})`);
  return errorId;
}
