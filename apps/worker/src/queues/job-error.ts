import { DelayedError, RateLimitError, UnrecoverableError, WaitingChildrenError } from "bullmq";

// BullMQ keeps a failed job's error message and stack in Redis (`failedReason`, `stacktrace`),
// and a mail server's or the database's message may quote an address or a value: "550 <maya@…>
// unknown user". Only the kind of error and its code reach the queue; the notification row
// keeps the full message for its owner to read.

/** Errors BullMQ itself uses to steer a job: thrown on unchanged. */
const controlErrors = [DelayedError, WaitingChildrenError, RateLimitError];

const safeCode = /^[A-Za-z0-9_.-]{1,24}$/;

/** A copy of `error` that says what failed (name, code, SMTP reply code) and where, nothing else. */
export function withoutPersonalData(error: unknown): Error {
  if (controlErrors.some((kind) => error instanceof kind)) return error as Error;
  const source = error instanceof Error ? error : new Error(typeof error);
  const { code, responseCode } = source as { code?: unknown; responseCode?: unknown };
  const details = [
    typeof code === "string" && safeCode.test(code) ? code : undefined,
    typeof responseCode === "number" ? `reply ${responseCode}` : undefined,
  ].filter((detail) => detail !== undefined);
  const message = `${source.name}${details.length > 0 ? ` (${details.join(", ")})` : ""}`;
  // An unrecoverable error must stay one, or the queue would retry what cannot succeed.
  const redacted =
    source instanceof UnrecoverableError ? new UnrecoverableError(message) : new Error(message);
  redacted.name = source.name;
  const frames = (source.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  redacted.stack = [`${source.name}: ${message}`, ...frames].join("\n");
  return redacted;
}
