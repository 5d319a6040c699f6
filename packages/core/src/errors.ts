/**
 * Errors a user can cause. The API turns each code into the matching 4xx; anything else
 * thrown is a bug and becomes a 500.
 */
export type DomainErrorCode = "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT" | "FORBIDDEN";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Per-field messages, keyed like the input schema, for forms to show beside each field. */
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found.`);

export const invalidField = (field: string, message: string) =>
  new DomainError("BAD_REQUEST", message, { [field]: [message] });
