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
import { useState } from "react";
import { z } from "zod";

import { authClient } from "~/lib/auth-client";
import { authErrorMessage } from "~/lib/auth-messages";
import { FormErrorSummary } from "~/components/form-error-summary";
import { formValues, useFormErrors, validate } from "~/lib/form";
import { PasswordField } from "~/components/password-field";
import { useTRPC } from "~/trpc/react";

const schema = z.object({
  currentPassword: z.string().min(1, "Enter your current password."),
  newPassword,
});

/** Settings → Password: the current one and a new one; every other device is signed out. */
export function ChangePassword() {
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
        return setErrors({ currentPassword: ["That password is not right."] });
      }
      if (response.error.code?.startsWith("PASSWORD_") && response.error.message) {
        return setErrors({
          newPassword: [authErrorMessage(response.error, response.error.message)],
        });
      }
      return setErrors({
        _form: [authErrorMessage(response.error, "That did not work. Please try again.")],
      });
    }
    form.reset();
    setDone(true);
    await queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Password</CardTitle>
        <CardDescription>
          Changing it signs out every other device signed in to your account.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          ref={formRef}
          onSubmit={onSubmit}
          onChange={recheckForm(schema)}
          noValidate
          aria-label="Change password"
          className="space-y-4"
        >
          {done && (
            <Alert variant="success">Password changed. Your other devices are signed out.</Alert>
          )}
          <PasswordField
            id="current-password"
            name="currentPassword"
            label="Current password"
            errors={errors}
            kind="current"
          />
          <PasswordField
            id="new-password"
            name="newPassword"
            label="New password"
            errors={errors}
            kind="new"
          />
          <FormErrorSummary errors={errors} />
          <Button type="submit" loading={pending}>
            Change password
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
