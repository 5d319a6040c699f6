import type { z } from "zod";

import type { Locale } from "@caseward/core/i18n";
// Zod's messages in Caseward's words ("Fill in the password."), set once for every form: imported
// here, beside `validate`, because a page that takes only a helper from a side-effect-free
// barrel (`@caseward/core/schemas`) would skip the barrel's own import of it.
import { fieldErrorsIn } from "@caseward/core/zod-messages";

import type { FieldErrors } from "./form-errors";
import { provideValidate } from "./form-errors";
import { pageLocale } from "./page-locale";

// The zod-free helpers (`useFormErrors`, `serverMessage`, ...) live in `./form-errors`; this module
// adds `validate`. A page that must not load zod at first render imports `./form-errors` and
// loads this module (with its schema) when a form is submitted.
export * from "./form-errors";

/**
 * Runs the API's own schema in the browser, so a form shows the same messages the server would,
 * in the page's language.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
  locale: Locale = pageLocale(),
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrorsIn(result.error, locale) };
}

provideValidate((schema, values) => validate(schema, values));
