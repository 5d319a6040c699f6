"use client";

import { Alert, Button, Field, fieldAria, Input } from "@caseward/ui";
import Link from "next/link";
import { useMemo, useState } from "react";
import { z } from "zod";

import { useTranslations } from "~/i18n/translations";
import { authClient } from "~/lib/auth-client";
import { authErrorMessage } from "~/lib/auth-messages";
import { FormErrorSummary } from "~/components/form-error-summary";
import { formValues, useFormErrors, validate } from "~/lib/form";

const emailMax = 254;
const schemaOf = (t: ReturnType<typeof useTranslations<"PasswordReset">>) =>
  z.object({
    email: z.email(t("emailInvalid")).max(emailMax, t("emailTooLong", { max: emailMax })),
  });
const limits = { email: emailMax };

export function ForgotPasswordForm() {
  const t = useTranslations("PasswordReset");
  const schema = useMemo(() => schemaOf(t), [t]);
  const { formRef, errors, error, show: setErrors, recheckForm } = useFormErrors();
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string>();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(schema, formValues(event.currentTarget));
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    setPending(true);
    const response = await authClient.requestPasswordReset({
      email: result.data.email,
      redirectTo: "/reset-password",
    });
    setPending(false);
    if (response.error) {
      return setErrors({
        _form: [authErrorMessage(response.error, t("failed"))],
      });
    }
    setSentTo(result.data.email);
  }

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("forgotTitle")}</h1>
        <p className="text-sm text-muted-foreground">{t("forgotLead")}</p>
      </div>
      {sentTo ? (
        // The same answer whether or not the address has an account (no enumeration).
        <Alert variant="success" title={t("checkInbox")}>
          {t("linkSent", { email: sentTo })}
        </Alert>
      ) : (
        <form
          ref={formRef}
          onSubmit={onSubmit}
          onChange={recheckForm(schema)}
          noValidate
          aria-label={t("forgotTitle")}
          className="space-y-4"
        >
          <Field label={t("email")} htmlFor="email" error={error("email")}>
            <Input
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              maxLength={limits.email}
              {...fieldAria("email", error("email"))}
            />
          </Field>
          <FormErrorSummary errors={errors} />
          <Button type="submit" className="w-full" loading={pending}>
            {t("emailMeLink")}
          </Button>
        </form>
      )}
      <p className="text-center text-sm text-muted-foreground">
        <Link
          className="font-medium text-primary underline-offset-4 hover:underline"
          href="/sign-in"
        >
          {t("backToSignIn")}
        </Link>
      </p>
    </div>
  );
}
