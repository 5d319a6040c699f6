"use client";

import { defaultSettings, newPassword, settingsInput } from "@caseward/core/schemas";
import { Alert, Button, Field, fieldAria, Input } from "@caseward/ui";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { z } from "zod";

import { FormErrorSummary } from "~/components/form-error-summary";
import { PasswordField } from "~/components/password-field";
import type { Region, RegionChoices } from "~/components/region-fields";
import { loadAuthClient } from "~/lib/load-auth-client";
import { authErrorMessage } from "~/lib/auth-messages";
import { firstError, formValues, useFormErrors, validate } from "~/lib/form";

// What only sign-up or a two-factor sign-in shows stays out of the sign-in form's first load.
const RegionFields = dynamic(() =>
  import("~/components/region-fields").then((module) => module.RegionFields),
);
const TwoFactorStep = dynamic(() =>
  import("./two-factor-step").then((module) => module.TwoFactorStep),
);

type Translate = ReturnType<typeof useTranslations<"Auth">>;

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
const nameMax = 80;
const signUpLimits = { name: nameMax };

// One message for unknown email and wrong password: no hint about which accounts exist.
// Other refusals (a lock after failed attempts, 429; sign-in paused, 503) say what to do.
function formMessage(
  t: Translate,
  signUp: boolean,
  error: { status: number; code?: string; message?: string },
) {
  if (!signUp && error.status === 401) return t("wrongCredentials");
  return authErrorMessage(error, signUp ? t("signUpFailed") : t("signInFailed"));
}

/** The settings a new account starts with: the defaults, in the region the person confirmed. */
function newAccountSettings(values: Record<string, string | undefined>, locale: string) {
  return {
    ...defaultSettings,
    // The language the sign-up page was shown in stays the account's.
    locale,
    timeZone: values.timeZone,
    country: values.country,
    subdivision: values.subdivision,
  };
}

export function AuthForm({
  mode,
  regions,
  notice,
  next = "/",
  saveSettings,
}: {
  mode: "sign-in" | "sign-up";
  /** Sign-in: the page of this site to go to afterwards (already checked by safeNextPath). */
  next?: string;
  /** Good news from the page before (the account was deleted). */
  notice?: string;
  /** Sign-up: the lists the person confirms their time zone and region from. */
  regions?: { choices: RegionChoices; initial: Region };
  /** Sign-up: stores the new account's settings (rejects when it could not). */
  saveSettings?: (settings: z.output<typeof settingsInput>) => Promise<unknown>;
}) {
  const t = useTranslations("Auth");
  const locale = useLocale();
  const schemas = useMemo(() => schemasOf(t), [t]);
  const signUpSchema = schemas.signUp;
  const signInSchema = schemas.signIn;
  const router = useRouter();
  const { formRef, errors, show: setErrors, recheck } = useFormErrors();
  const [pending, setPending] = useState(false);
  const [secondStep, setSecondStep] = useState(false);
  const [checkInbox, setCheckInbox] = useState<string>();
  const signUp = mode === "sign-up";

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const result = validate(signUp ? signUpSchema : signInSchema, values);
    const settings = signUp ? validate(settingsInput, newAccountSettings(values, locale)) : null;
    if (!result.ok || settings?.ok === false) {
      return setErrors({
        ...(result.ok ? {} : result.errors),
        ...(settings && !settings.ok ? settings.errors : {}),
      });
    }
    setErrors({});
    setPending(true);
    const {
      name = "",
      email,
      password,
    } = result.data as { name?: string; email: string; password: string };
    // Offline, the client's script cannot load: a refusal like any other failed request.
    const authClient = await loadAuthClient().catch(() => null);
    if (!authClient) {
      setPending(false);
      return setErrors({ _form: [formMessage(t, signUp, { status: 0 })] });
    }
    const response = signUp
      ? await authClient.signUp.email({ name, email, password })
      : await authClient.signIn.email({ email, password });
    setPending(false);
    if (response.error) {
      // The server's password rules (the common-password list is not sent to the browser)
      // come back as PASSWORD_* codes: shown under the field they are about.
      if (response.error.code?.startsWith("PASSWORD_") && response.error.message) {
        return setErrors({ password: [authErrorMessage(response.error, response.error.message)] });
      }
      return setErrors({ _form: [formMessage(t, signUp, response.error)] });
    }
    // Two-factor sign-in on: the password was right, a code comes next.
    if (response.data && "twoFactorRedirect" in response.data) return setSecondStep(true);
    // A sign-up with an address that has an account answers the same but signs no one in
    // (the owner gets an email): say what to do, not whether the account exists.
    if (signUp && !(await authClient.getSession()).data) return setCheckInbox(email);
    if (settings?.ok && saveSettings) {
      // Signed in: the new account keeps the region it was created with. Should that fail,
      // Settings shows what is stored, to change there.
      const saved = await saveSettings(settings.data).then(
        () => true,
        () => null,
      );
      if (!saved) {
        router.replace("/settings");
        return router.refresh();
      }
    }
    router.replace(next);
    router.refresh();
  }

  if (secondStep) return <TwoFactorStep next={next} onBack={() => setSecondStep(false)} />;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">
          {signUp ? t("signUpTitle") : t("signInTitle")}
        </h1>
        <p className="text-sm text-muted-foreground">
          {signUp ? t("signUpLead") : t("signInLead")}
        </p>
      </div>
      {notice && !checkInbox && <Alert variant="success">{notice}</Alert>}
      {checkInbox && (
        <Alert variant="info" title={t("checkInboxTitle")}>
          {t("checkInbox", { email: checkInbox })}
        </Alert>
      )}
      <form
        ref={formRef}
        onSubmit={onSubmit}
        // The auth client's script comes while the person types, not with the page.
        onFocus={() => void loadAuthClient()}
        onChange={(event) => {
          const values = formValues(event.currentTarget);
          recheck(signUp ? signUpSchema : signInSchema, () => values);
        }}
        noValidate
        className="space-y-4"
      >
        {signUp && (
          <Field label={t("name")} htmlFor="name" error={firstError(errors, "name")}>
            <Input
              id="name"
              name="name"
              autoComplete="name"
              maxLength={signUpLimits.name}
              {...fieldAria("name", firstError(errors, "name"))}
            />
          </Field>
        )}
        <Field label={t("email")} htmlFor="email" error={firstError(errors, "email")}>
          <Input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            {...fieldAria("email", firstError(errors, "email"))}
          />
        </Field>
        <PasswordField
          id="password"
          name="password"
          label={t("password")}
          errors={errors}
          kind={signUp ? "new" : "current"}
        />
        {signUp && regions && (
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium">{t("whereYouLive")}</legend>
            <RegionFields
              choices={regions.choices}
              initial={regions.initial}
              detect
              idPrefix="sign-up"
              errors={{
                timeZone: firstError(errors, "timeZone"),
                country: firstError(errors, "country"),
                subdivision: firstError(errors, "subdivision"),
              }}
            />
          </fieldset>
        )}
        <FormErrorSummary errors={errors} />
        <Button type="submit" className="w-full" loading={pending}>
          {signUp ? t("signUpButton") : t("signInButton")}
        </Button>
      </form>
      {!signUp && (
        <p className="text-center text-sm">
          <Link
            className="font-medium text-primary underline-offset-4 hover:underline"
            href="/forgot-password"
          >
            {t("forgotPassword")}
          </Link>
        </p>
      )}
      <p className="text-center text-sm text-muted-foreground">
        {signUp ? t("haveAccount") : t("newHere")}{" "}
        <Link
          className="font-medium text-primary underline-offset-4 hover:underline"
          href={signUp ? "/sign-in" : "/sign-up"}
        >
          {signUp ? t("signInLink") : t("signUpLink")}
        </Link>
      </p>
    </div>
  );
}
