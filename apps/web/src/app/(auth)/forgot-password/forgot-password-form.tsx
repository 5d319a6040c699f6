"use client";

import { Alert, Button, Field, fieldAria, Input } from "@caseward/ui";
import Link from "next/link";
import { useState } from "react";
import { z } from "zod";

import { authClient } from "~/lib/auth-client";
import { authErrorMessage } from "~/lib/auth-messages";
import type { FieldErrors } from "~/lib/form";
import { firstError, formValues, validate } from "~/lib/form";

const schema = z.object({ email: z.email("Enter a valid email address.") });

export function ForgotPasswordForm() {
  const [errors, setErrors] = useState<FieldErrors>({});
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
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {errors._form && <Alert variant="danger">{errors._form[0]}</Alert>}
          <Field label="Email" htmlFor="email" error={firstError(errors, "email")}>
            <Input
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              {...fieldAria("email", firstError(errors, "email"))}
            />
          </Field>
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
