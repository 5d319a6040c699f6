import type { TRPCClientError } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import type React from "react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { z } from "zod";

// What a form needs to show its errors, without zod: a page whose forms load their schema when
// submitted (`await import(...)`) takes its helpers from here, so zod (43 KB gzipped) and the
// schemas stay out of its first load. `./form` adds `validate` (and zod) to the same helpers.

export type FieldErrors = Partial<Record<string, string[]>>;

type Validate = <S extends z.ZodType>(
  schema: S,
  values: unknown,
) => { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors };

// Set by `./form` when it is loaded: `recheck` runs a schema only once one came with it, and a
// form shows messages only after its first check, which loads it.
let loadedValidate: Validate | undefined;

/** Called once by `./form`, the module that holds zod. */
export function provideValidate(validate: Validate) {
  loadedValidate = validate;
}

const unreachable = "Caseward could not be reached. Check your connection, then try again.";

// Recognised by the name tRPC gives it: importing its class would bring the tRPC client into
// every page with a form, the sign-in page too, which uses no tRPC.
const isTRPCClientError = (error: unknown): error is TRPCClientError<AnyRouter> =>
  error instanceof Error && error.name === "TRPCClientError";

/** Field messages the server sent back (BAD_REQUEST), or a general message under `_form`. */
export function errorsFromServer(error: unknown): FieldErrors {
  if (isTRPCClientError(error)) {
    const data = error.data as
      { fieldErrors?: FieldErrors | null; httpStatus?: number } | null | undefined;
    if (data?.fieldErrors && Object.keys(data.fieldErrors).length > 0) return data.fieldErrors;
    // Only a refusal the server wrote (a 4xx) has words meant for the user; a failed fetch
    // ("Failed to fetch") or a 500 carries a library's or the platform's text.
    if (data?.httpStatus !== undefined && data.httpStatus < 500) return { _form: [error.message] };
    if (!data) return { _form: [unreachable] };
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

/**
 * After a refused save: the first field with a message gets the focus, in view; when no field
 * is marked (a message about the whole form), the summary beside the Save button does.
 */
export function focusFirstInvalid(form: HTMLElement | null) {
  requestAnimationFrame(() => {
    const invalid =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>("[data-form-summary]");
    invalid?.focus();
    invalid?.scrollIntoView({ block: "center" });
  });
}

/**
 * The messages still true after the user changed something: a field keeps its message only
 * while it still fails (with the message of what is wrong now); fields that had none get none
 * before the next save, and a message about the whole form goes at the first change.
 */
export function stillWrong(shown: FieldErrors, now: FieldErrors): FieldErrors {
  const kept: FieldErrors = {};
  for (const field of Object.keys(shown)) {
    if (field !== "_form" && now[field]?.length) kept[field] = now[field];
  }
  return kept;
}

/**
 * The one way a form shows a refused save: messages beside their fields, the first invalid
 * field focused and scrolled into view, a summary beside the Save button (`FormErrorSummary`),
 * and each message gone as soon as its cause is fixed (`recheck` on every change).
 * A part of a larger form (which cannot hold a form of its own) puts `formRef` on its element.
 */
export function useFormErrors<E extends HTMLElement = HTMLFormElement>() {
  const formRef = useRef<E>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  // Counted, and the focus moved once React has drawn the messages: a form whose schema loads
  // on submit shows them after an await, when React draws later than the next frame.
  const [refusals, setRefusals] = useState(0);
  const show = useCallback((next: FieldErrors) => {
    setErrors(next);
    if (Object.keys(next).length > 0) setRefusals((count) => count + 1);
  }, []);
  useEffect(() => {
    if (refusals > 0) focusFirstInvalid(formRef.current);
  }, [refusals]);
  const showServerError = useCallback((error: unknown) => show(errorsFromServer(error)), [show]);
  const clear = useCallback(() => setErrors({}), []);
  /** After a change: `schema` re-run on the form's values now (nothing when none is shown). */
  const recheckWith = useCallback((now: () => FieldErrors) => {
    setErrors((shown) => (Object.keys(shown).length === 0 ? shown : stillWrong(shown, now())));
  }, []);
  const recheck = useCallback(
    <S extends z.ZodType>(schema: S | undefined, values: () => unknown) =>
      recheckWith(() => {
        // No schema yet (a form whose schema loads on submit, not submitted yet): nothing shown
        // to keep, as messages appear only after a check.
        if (!schema || !loadedValidate) return {};
        const result = loadedValidate(schema, values());
        return result.ok ? {} : result.errors;
      }),
    [recheckWith],
  );
  /** The `onChange` of a form read with `formValues`: `schema` re-run on what it holds now. */
  const recheckForm = useCallback(
    <S extends z.ZodType>(schema: S | undefined, extra: Record<string, unknown> = {}) =>
      (event: React.FormEvent<HTMLFormElement>) => {
        const values = { ...formValues(event.currentTarget), ...extra };
        recheck(schema, () => values);
      },
    [recheck],
  );
  return {
    formRef,
    errors,
    error: (field: string) => firstError(errors, field),
    show,
    showServerError,
    clear,
    recheck,
    /** `recheck` for a form whose messages come from more than one schema (a list of rows). */
    recheckWith,
    recheckForm,
  };
}

/**
 * A module of schemas (with `validate`) fetched when a form is first checked, not with the page:
 * `load()` on submit; `loaded` (set once it came) for the rechecks that follow.
 */
export function useChecksOnUse<M>(loadModule: () => Promise<M>) {
  const loaded = useRef<M | undefined>(undefined);
  const load = useCallback(async () => {
    loaded.current ??= await loadModule();
    return loaded.current;
  }, [loadModule]);
  return useMemo(() => ({ loaded, load }), [load]);
}
