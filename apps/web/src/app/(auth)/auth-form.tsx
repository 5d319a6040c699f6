"use client";

import { Alert, Button, Field, fieldAria, Input } from "@caseward/ui";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale } from "next-intl";
import { useRef, useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { FormErrorSummary } from "~/components/form-error-summary";
import type { Region, RegionChoices } from "~/components/region-fields";
import { firstError, formValues, useFormErrors } from "~/lib/form-errors";
import { loadAuthClient } from "~/lib/load-auth-client";
import type { NewAccountSettings } from "./auth-checks";

// What only sign-up or a two-factor sign-in shows stays out of the sign-in form's first load.
const RegionFields = dynamic(() =>
  import("~/components/region-fields").then((module) => module.RegionFields),
);
const TwoFactorStep = dynamic(() =>
  import("./two-factor-step").then((module) => module.TwoFactorStep),
);
// A new password says its rules (the password schema's): sign-up only.
const PasswordField = dynamic(() =>
  import("~/components/password-field").then((module) => module.PasswordField),
);

/**
 * The forms' rules (zod, the API's schemas) and the refusals' words, fetched when the form is
 * first focused (with the auth client) or submitted: the sign-in page's first load has no zod.
 */
const loadChecks = () => import("./auth-checks");
type Checks = Awaited<ReturnType<typeof loadChecks>>;

// The same limit as the rule in `auth-checks.ts`: the field stops there.
const signUpLimits = { name: 80 };

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
  saveSettings?: (settings: NewAccountSettings) => Promise<unknown>;
}) {
  const t = useTranslations("Auth");
  const locale = useLocale();
  const router = useRouter();
  // The checks once loaded: a change rechecks the messages shown (there are none before).
  const checks = useRef<Checks>(undefined);
  // One way to show a refused form, as every other form: messages, the first field focused.
  const { formRef, errors, show, clear, recheckWith } = useFormErrors();
  const [pending, setPending] = useState(false);
  const [secondStep, setSecondStep] = useState(false);
  const [checkInbox, setCheckInbox] = useState<string>();
  const signUp = mode === "sign-up";
  const generalFailure = () => (signUp ? t("signUpFailed") : t("signInFailed"));

  async function load() {
    return (checks.current ??= await loadChecks());
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    // Offline, the scripts cannot load: a refusal like any other failed request.
    const c = await load().catch(() => null);
    if (!c) return show({ _form: [generalFailure()] });
    const result = c.checkAuthForm(mode, values, t, locale);
    if (!result.ok) return show(result.errors);
    clear();
    setPending(true);
    const { name = "", email, password } = result.data;
    const authClient = await loadAuthClient().catch(() => null);
    if (!authClient) {
      setPending(false);
      return show({ _form: [c.formMessage(t, signUp, { status: 0 })] });
    }
    const response = signUp
      ? await authClient.signUp.email({ name, email, password })
      : await authClient.signIn.email({ email, password });
    setPending(false);
    if (response.error) {
      // The server's password rules (the common-password list is not sent to the browser)
      // come back as PASSWORD_* codes: shown under the field they are about.
      if (response.error.code?.startsWith("PASSWORD_") && response.error.message) {
        return show({
          password: [c.authErrorMessage(response.error, response.error.message)],
        });
      }
      return show({ _form: [c.formMessage(t, signUp, response.error)] });
    }
    // Two-factor sign-in on: the password was right, a code comes next.
    if (response.data && "twoFactorRedirect" in response.data) return setSecondStep(true);
    // A sign-up with an address that has an account answers the same but signs no one in
    // (the owner gets an email): say what to do, not whether the account exists.
    if (signUp && !(await authClient.getSession()).data) return setCheckInbox(email);
    if (result.settings && saveSettings) {
      // Signed in: the new account keeps the region it was created with. Should that fail,
      // Settings shows what is stored, to change there.
      const saved = await saveSettings(result.settings).then(
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
        onFocus={() => {
          void loadAuthClient();
          void load();
        }}
        onChange={(event) => {
          const c = checks.current;
          if (!c) return;
          const values = formValues(event.currentTarget);
          recheckWith(() => c.authFormErrors(mode, values, t));
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
        {signUp ? (
          <PasswordField
            id="password"
            name="password"
            label={t("password")}
            errors={errors}
            kind="new"
          />
        ) : (
          // `PasswordField` of kind "current", without the new-password rules' script.
          <Field label={t("password")} htmlFor="password" error={firstError(errors, "password")}>
            <Input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              {...fieldAria("password", firstError(errors, "password"))}
            />
          </Field>
        )}
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
