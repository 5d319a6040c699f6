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

import { FormErrorSummary } from "~/components/form-error-summary";
import { PasswordField } from "~/components/password-field";
import { emailChangeInput } from "~/lib/email-change";
import { formValues, useFormErrors, validate } from "~/lib/form";

const limits = maxLengthsOf(emailChangeInput);

/** Settings → Email address: a change needs the password, and a click in the new inbox. */
export function EmailAddress({ email, verified }: { email: string; verified: boolean }) {
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
      const message =
        body?.error ??
        (response
          ? "That did not work. Please try again."
          : "Caseward could not be reached. Check your connection, then try again.");
      return show(message.includes("password") ? { password: [message] } : { _form: [message] });
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
          ref={formRef}
          onSubmit={onSubmit}
          onChange={recheckForm(emailChangeInput)}
          noValidate
          aria-label="Change email address"
          className="space-y-4"
        >
          {sentTo && (
            <Alert variant="success">
              {`We sent a link to ${sentTo}. Your address changes when you open it; ${email} was told about the change.`}
            </Alert>
          )}
          <Field label="New email address" htmlFor="new-email" error={error("newEmail")}>
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
            label="Your password"
            errors={errors}
            kind="current"
            maxLength={limits.password}
          />
          <FormErrorSummary errors={errors} />
          <Button type="submit" loading={pending}>
            Send confirmation link
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
