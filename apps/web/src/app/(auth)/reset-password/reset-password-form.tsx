"use client";

import { newPassword } from "@caseward/core/schemas";
import { Alert, Button } from "@caseward/ui";
import Link from "next/link";
import { useState } from "react";
import { z } from "zod";

import { useTranslations } from "~/i18n/translations";
import { PasswordField } from "~/components/password-field";
import { authClient } from "~/lib/auth-client";
import { authErrorMessage } from "~/lib/auth-messages";
import { FormErrorSummary } from "~/components/form-error-summary";
import { formValues, useFormErrors, validate } from "~/lib/form";

const schema = z.object({ newPassword });

const link = "font-medium text-primary underline-offset-4 hover:underline";

export function ResetPasswordForm({ token }: { token: string | undefined }) {
  const t = useTranslations("PasswordReset");
  const { formRef, errors, show: setErrors, recheckForm } = useFormErrors();
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!token) return;
    const result = validate(schema, formValues(event.currentTarget));
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    setPending(true);
    const response = await authClient.resetPassword({
      newPassword: result.data.newPassword,
      token,
    });
    setPending(false);
    if (response.error) {
      if (response.error.code?.startsWith("PASSWORD_") && response.error.message) {
        return setErrors({
          newPassword: [authErrorMessage(response.error, t("chooseAnother"))],
        });
      }
      return setErrors({
        _form: [
          response.error.code === "INVALID_TOKEN"
            ? t("linkExpired")
            : authErrorMessage(response.error, t("failed")),
        ],
      });
    }
    setDone(true);
  }

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("resetTitle")}</h1>
        <p className="text-sm text-muted-foreground">{t("resetLead")}</p>
      </div>
      {done ? (
        <Alert variant="success" title={t("changedTitle")}>
          <p>{t.rich("changed", { link: (chunks) => <Link href="/sign-in">{chunks}</Link> })}</p>
        </Alert>
      ) : !token ? (
        <Alert variant="danger" title={t("brokenLinkTitle")}>
          <p>
            {t.rich("brokenLink", {
              link: (chunks) => <Link href="/forgot-password">{chunks}</Link>,
            })}
          </p>
        </Alert>
      ) : (
        <form
          ref={formRef}
          onSubmit={onSubmit}
          onChange={recheckForm(schema)}
          noValidate
          aria-label={t("resetTitle")}
          className="space-y-4"
        >
          <PasswordField
            id="new-password"
            name="newPassword"
            label={t("newPassword")}
            errors={errors}
            kind="new"
          />
          <FormErrorSummary errors={errors} />
          <Button type="submit" className="w-full" loading={pending}>
            {t("setPassword")}
          </Button>
        </form>
      )}
      <p className="text-center text-sm text-muted-foreground">
        <Link className={link} href="/sign-in">
          {t("backToSignIn")}
        </Link>
      </p>
    </div>
  );
}
