"use client";

import { maxLengthsOf } from "@caseward/core/schemas";
import { Alert, Button, Field, fieldAria, Input } from "@caseward/ui";
import Link from "next/link";
import { useState } from "react";
import { z } from "zod";

import { authClient } from "~/lib/auth-client";
import { authErrorMessage } from "~/lib/auth-messages";
import { FormErrorSummary } from "~/components/form-error-summary";
import { formValues, useFormErrors, validate } from "~/lib/form";

const schema = z.object({
  email: z
    .email("Enter a valid email address.")
    .max(254, "That address is too long: an email address has at most 254 characters."),
});
const limits = maxLengthsOf(schema);

export function ForgotPasswordForm() {
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
        _form: [authErrorMessage(response.error, "That did not work. Please try again.")],
      });
    }
    setSentTo(result.data.email);
  }

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Reset your password</h1>
        <p className="text-sm text-muted-foreground">
          We will email you a link to choose a new one.
        </p>
      </div>
      {sentTo ? (
        // The same answer whether or not the address has an account (no enumeration).
        <Alert variant="success" title="Check your inbox">
          {`If ${sentTo} has a Caseward account, a link to reset its password is on its way. It works for an hour.`}
        </Alert>
      ) : (
        <form
          ref={formRef}
          onSubmit={onSubmit}
          onChange={recheckForm(schema)}
          noValidate
          aria-label="Reset your password"
          className="space-y-4"
        >
          <Field label="Email" htmlFor="email" error={error("email")}>
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
            Email me a link
          </Button>
        </form>
      )}
      <p className="text-center text-sm text-muted-foreground">
        <Link
          className="font-medium text-primary underline-offset-4 hover:underline"
          href="/sign-in"
        >
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
