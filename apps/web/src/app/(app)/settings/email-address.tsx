"use client";

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
import { z } from "zod";

import { PasswordField } from "~/components/password-field";
import type { FieldErrors } from "~/lib/form";
import { firstError, formValues, validate } from "~/lib/form";

const schema = z.object({
  newEmail: z.email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password to confirm."),
});

/** Settings → Email address: a change needs the password, and a click in the new inbox. */
export function EmailAddress({ email, verified }: { email: string; verified: boolean }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string>();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const result = validate(schema, formValues(form));
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    setPending(true);
    const response = await fetch("/api/account/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(result.data),
    }).catch(() => null);
    setPending(false);
    if (!response?.ok) {
      const body = (await response?.json().catch(() => null)) as { error?: string } | null;
      const message = body?.error ?? "That did not work. Please try again.";
      return setErrors(
        message.includes("password") ? { password: [message] } : { _form: [message] },
      );
    }
    form.reset();
    setSentTo(result.data.newEmail);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Email address</CardTitle>
        <CardDescription>
          You sign in with {email}
          {verified ? " (confirmed)" : " (not confirmed yet)"}. Reminders go there.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          onSubmit={onSubmit}
          noValidate
          aria-label="Change email address"
          className="space-y-4"
        >
          {errors._form && <Alert variant="danger">{errors._form[0]}</Alert>}
          {sentTo && (
            <Alert variant="success">
              {`We sent a link to ${sentTo}. Your address changes when you open it; ${email} was told about the change.`}
            </Alert>
          )}
          <Field
            label="New email address"
            htmlFor="new-email"
            error={firstError(errors, "newEmail")}
          >
            <Input
              id="new-email"
              name="newEmail"
              type="email"
              autoComplete="email"
              {...fieldAria("new-email", firstError(errors, "newEmail"))}
            />
          </Field>
          <PasswordField
            id="email-password"
            name="password"
            label="Your password"
            errors={errors}
            kind="current"
          />
          <Button type="submit" loading={pending}>
            Send confirmation link
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
