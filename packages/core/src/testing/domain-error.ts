import { DomainError } from "../errors";

/** The code a service refused with (NOT_FOUND, BAD_REQUEST…), null when it did not refuse. */
export async function refusalOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof DomainError ? error.code : error;
}
