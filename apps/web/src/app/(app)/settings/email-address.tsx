"use client";

import { maxLengthsOf } from "@caseward/core/schemas";
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Field,
  fieldAria,
  Input,
} from "@caseward/ui";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { FormErrorSummary } from "~/components/form-error-summary";
import { PasswordField } from "~/components/password-field";
import { emailChangeInput } from "~/lib/email-change";
import { formValues, useFormErrors, validate } from "~/lib/form";

const limits = maxLengthsOf(emailChangeInput);

/** Settings → Email address: a change needs the password, and a click in the new inbox. */
export function EmailAddress({ email, verified }: { email: string; verified: boolean }) {
  const t = useTranslations("SettingsAccount");
  const { formRef, errors, error, show, recheckForm } = useFormErrors();
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string>();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setSentTo(undefined);
    const result = validate(emailChangeInput, formValues(form));
    if (!result.ok) return show(result.errors);
    show({});
    setPending(true);
    const response = await fetch("/api/account/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(result.data),
    }).catch(() => null);
    setPending(false);
    if (!response?.ok) {
      const body = (await response?.json().catch(() => null)) as { error?: string } | null;
      const message = body?.error ?? (response ? t("failed") : t("unreachable"));
      return show(message.includes("password") ? { password: [message] } : { _form: [message] });
    }
    form.reset();
    setSentTo(result.data.newEmail);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("emailTitle")}</CardTitle>
        <CardDescription>{t("emailHint", { email, verified: String(verified) })}</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          ref={formRef}
          onSubmit={onSubmit}
          onChange={recheckForm(emailChangeInput)}
          noValidate
          aria-label={t("changeEmailForm")}
          className="space-y-4"
        >
          {sentTo && (
            <Alert variant="success">{t("emailLinkSent", { newEmail: sentTo, email })}</Alert>
          )}
          <Field label={t("newEmail")} htmlFor="new-email" error={error("newEmail")}>
            <Input
              id="new-email"
              name="newEmail"
              type="email"
              autoComplete="email"
              maxLength={limits.newEmail}
              {...fieldAria("new-email", error("newEmail"))}
            />
          </Field>
          <PasswordField
            id="email-password"
            name="password"
            label={t("yourPassword")}
            errors={errors}
            kind="current"
            maxLength={limits.password}
          />
          <FormErrorSummary errors={errors} />
          <Button type="submit" loading={pending}>
            {t("sendConfirmationLink")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
