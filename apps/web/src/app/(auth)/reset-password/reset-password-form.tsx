"use client";

import { newPassword } from "@caseward/core/schemas";
import { Alert, Button } from "@caseward/ui";
import Link from "next/link";
import { useState } from "react";
import { z } from "zod";

import { PasswordField } from "~/components/password-field";
import { authClient } from "~/lib/auth-client";
import { authErrorMessage } from "~/lib/auth-messages";
import { FormErrorSummary } from "~/components/form-error-summary";
import { formValues, useFormErrors, validate } from "~/lib/form";

const schema = z.object({ newPassword });

const link = "font-medium text-primary underline-offset-4 hover:underline";

export function ResetPasswordForm({ token }: { token: string | undefined }) {
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
          newPassword: [authErrorMessage(response.error, "Choose another password.")],
        });
      }
      return setErrors({
        _form: [
          response.error.code === "INVALID_TOKEN"
            ? "This link has expired or was already used. Ask for a new one."
            : authErrorMessage(response.error, "That did not work. Please try again."),
        ],
      });
    }
    setDone(true);
  }

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Choose a new password</h1>
        <p className="text-sm text-muted-foreground">
          Every device signed in to your account will be signed out.
        </p>
      </div>
      {done ? (
        <Alert variant="success" title="Password changed">
          <p>
            Every device was signed out. <Link href="/sign-in">Sign in</Link> with your new
            password.
          </p>
        </Alert>
      ) : !token ? (
        <Alert variant="danger" title="This link does not work">
          <p>
            It has expired or was already used.{" "}
            <Link href="/forgot-password">Ask for a new one</Link>.
          </p>
        </Alert>
      ) : (
        <form
          ref={formRef}
          onSubmit={onSubmit}
          onChange={recheckForm(schema)}
          noValidate
          aria-label="Choose a new password"
          className="space-y-4"
        >
          <PasswordField
            id="new-password"
            name="newPassword"
            label="New password"
            errors={errors}
            kind="new"
          />
          <FormErrorSummary errors={errors} />
          <Button type="submit" className="w-full" loading={pending}>
            Set new password
          </Button>
        </form>
      )}
      <p className="text-center text-sm text-muted-foreground">
        <Link className={link} href="/sign-in">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
