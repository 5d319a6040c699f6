import type { Locale } from "@caseward/core/i18n";
import { defaultSettings, newPassword, settingsInput } from "@caseward/core/schemas";
import type { useTranslations } from "next-intl";
import { z } from "zod";

import { authErrorMessage } from "~/lib/auth-messages";
import type { FieldErrors } from "~/lib/form";
import { validate } from "~/lib/form";

/**
 * The sign-in and sign-up forms' checks: their rules (zod and the API's own schemas) and the
 * refusals' words. Loaded when the form is first focused, not with the page: zod and the
 * schemas were most of the sign-in page's script, parsed before it answered a tap.
 */

export type Translate = ReturnType<typeof useTranslations<"Auth">>;
export type Mode = "sign-in" | "sign-up";

export const nameMax = 80;

/** The forms' rules, their messages in the page's language. */
function schemasOf(t: Translate) {
  const email = z.email(t("emailInvalid"));
  const signIn = z.object({ email, password: z.string().min(1, t("passwordMissing")) });
  const signUp = z.object({
    name: z
      .string()
      .trim()
      .min(1, t("nameMissing"))
      .max(nameMax, t("nameTooLong", { max: nameMax })),
    email,
    password: newPassword,
  });
  return { signIn, signUp };
}

const cached = new WeakMap<Translate, ReturnType<typeof schemasOf>>();
function schemaFor(t: Translate, mode: Mode) {
  let schemas = cached.get(t);
  if (!schemas) cached.set(t, (schemas = schemasOf(t)));
  return mode === "sign-up" ? schemas.signUp : schemas.signIn;
}

/**
 * The settings a new account starts with: the defaults, in the region the person confirmed and
 * the language the page spoke.
 */
function newAccountSettings(values: Record<string, string | undefined>, locale: Locale) {
  return {
    ...defaultSettings,
    locale,
    timeZone: values.timeZone,
    country: values.country,
    subdivision: values.subdivision,
  };
}

export type NewAccountSettings = z.output<typeof settingsInput>;

/** The form's values checked: the fields, and for sign-up the new account's settings. */
export function checkAuthForm(
  mode: Mode,
  values: Record<string, string | undefined>,
  t: Translate,
  locale: Locale,
):
  | {
      ok: true;
      data: { name?: string; email: string; password: string };
      settings?: NewAccountSettings;
    }
  | { ok: false; errors: FieldErrors } {
  const result = validate(schemaFor(t, mode), values);
  const settings =
    mode === "sign-up" ? validate(settingsInput, newAccountSettings(values, locale)) : null;
  if (!result.ok || settings?.ok === false) {
    return {
      ok: false,
      errors: {
        ...(result.ok ? {} : result.errors),
        ...(settings && !settings.ok ? settings.errors : {}),
      },
    };
  }
  return {
    ok: true,
    data: result.data,
    settings: settings?.ok ? settings.data : undefined,
  };
}

/** The fields' messages now (the form's `recheckWith` keeps those shown that are still true). */
export function authFormErrors(
  mode: Mode,
  values: Record<string, string | undefined>,
  t: Translate,
): FieldErrors {
  const result = validate(schemaFor(t, mode), values);
  return result.ok ? {} : result.errors;
}

// One message for unknown email and wrong password: no hint about which accounts exist.
// Other refusals (a lock after failed attempts, 429; sign-in paused, 503) say what to do.
export function formMessage(
  t: Translate,
  signUp: boolean,
  error: { status: number; code?: string; message?: string },
) {
  if (!signUp && error.status === 401) return t("wrongCredentials");
  return authErrorMessage(error, signUp ? t("signUpFailed") : t("signInFailed"));
}

export { authErrorMessage };
