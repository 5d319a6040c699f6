"use client";

import { newPassword } from "@caseward/core/schemas";
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@caseward/ui";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { z } from "zod";

import { useTranslations } from "~/i18n/translations";
import { authClient } from "~/lib/auth-client";
import { authErrorMessage } from "~/lib/auth-messages";
import { FormErrorSummary } from "~/components/form-error-summary";
import { formValues, useFormErrors, validate } from "~/lib/form";
import { PasswordField } from "~/components/password-field";
import { useTRPC } from "~/trpc/react";

type Translate = ReturnType<typeof useTranslations<"SettingsSecurity">>;

const schemaOf = (t: Translate) =>
  z.object({
    currentPassword: z.string().min(1, t("currentPasswordMissing")),
    newPassword,
  });

/** Settings → Password: the current one and a new one; every other device is signed out. */
export function ChangePassword() {
  const t = useTranslations("SettingsSecurity");
  const schema = useMemo(() => schemaOf(t), [t]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { formRef, errors, show: setErrors, recheckForm } = useFormErrors();
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setDone(false);
    const result = validate(schema, formValues(form));
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    setPending(true);
    const response = await authClient.changePassword({
      ...result.data,
      revokeOtherSessions: true,
    });
    setPending(false);
    if (response.error) {
      if (response.error.code === "INVALID_PASSWORD") {
        return setErrors({ currentPassword: [t("wrongPassword")] });
      }
      if (response.error.code?.startsWith("PASSWORD_") && response.error.message) {
        return setErrors({
          newPassword: [authErrorMessage(response.error, response.error.message)],
        });
      }
      return setErrors({
        _form: [authErrorMessage(response.error, t("failed"))],
      });
    }
    form.reset();
    setDone(true);
    await queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("passwordTitle")}</CardTitle>
        <CardDescription>{t("passwordHint")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          ref={formRef}
          onSubmit={onSubmit}
          onChange={recheckForm(schema)}
          noValidate
          aria-label={t("changePasswordForm")}
          className="space-y-4"
        >
          {done && <Alert variant="success">{t("passwordChanged")}</Alert>}
          <PasswordField
            id="current-password"
            name="currentPassword"
            label={t("currentPassword")}
            errors={errors}
            kind="current"
          />
          <PasswordField
            id="new-password"
            name="newPassword"
            label={t("newPassword")}
            errors={errors}
            kind="new"
          />
          <FormErrorSummary errors={errors} />
          <Button type="submit" loading={pending}>
            {t("changePassword")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
