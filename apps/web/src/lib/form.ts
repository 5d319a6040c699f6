import { TRPCClientError } from "@trpc/client";
import { z } from "zod";

export type FieldErrors = Partial<Record<string, string[]>>;

/** Runs the API's own schema in the browser, so a form shows the same messages the server would. */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: z.flattenError(result.error).fieldErrors };
}

/** Field messages the server sent back (BAD_REQUEST), or a general message under `_form`. */
export function errorsFromServer(error: unknown): FieldErrors {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: FieldErrors | null } | undefined;
    if (data?.fieldErrors && Object.keys(data.fieldErrors).length > 0) return data.fieldErrors;
    return { _form: [error.message] };
  }
  return { _form: ["Something went wrong. Please try again."] };
}

export const firstError = (errors: FieldErrors, field: string) => errors[field]?.[0];

/** FormData to a plain object; empty strings become undefined so optional fields stay optional. */
export function formValues(form: HTMLFormElement): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of new FormData(form)) {
    if (typeof value === "string") values[key] = value.trim() === "" ? undefined : value;
  }
  return values;
}

/** One message for a one-field form: the field's own, else the general one. */
export function serverMessage(error: unknown, field?: string): string {
  const errors = errorsFromServer(error);
  return (field ? errors[field]?.[0] : undefined) ?? errors._form?.[0] ?? "That did not work.";
}

/** After a refused save: the first field with a message gets the focus, in view. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => {
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    invalid?.scrollIntoView({ block: "center" });
  });
}
