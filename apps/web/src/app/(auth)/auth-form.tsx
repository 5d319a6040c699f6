"use client";

import { newPassword } from "@caseward/core/schemas";
import { Alert, Button, Field, fieldAria, Input } from "@caseward/ui";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";

import { PasswordField } from "~/components/password-field";
import { authClient } from "~/lib/auth-client";
import type { FieldErrors } from "~/lib/form";
import { firstError, formValues, validate } from "~/lib/form";
import { TwoFactorStep } from "./two-factor-step";

const email = z.email("Enter a valid email address.");
const signInSchema = z.object({ email, password: z.string().min(1, "Enter your password.") });
const signUpSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Tell us what to call you.")
    .max(80, "Keep it under 80 characters."),
  email,
  password: newPassword,
});

// One message for unknown email and wrong password: no hint about which accounts exist.
// Other refusals (a lock after failed attempts, 429; sign-in paused, 503) say what to do.
function formMessage(signUp: boolean, error: { status: number; message?: string }) {
  if (!signUp && error.status === 401) return "That email and password do not match an account.";
  if (error.message) return error.message;
  return signUp ? "Could not create the account." : "Could not sign you in. Please try again.";
}

export function AuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [secondStep, setSecondStep] = useState(false);
  const [checkInbox, setCheckInbox] = useState<string>();
  const signUp = mode === "sign-up";

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(signUp ? signUpSchema : signInSchema, formValues(event.currentTarget));
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    setPending(true);
    const {
      name = "",
      email,
      password,
    } = result.data as { name?: string; email: string; password: string };
    const response = signUp
      ? await authClient.signUp.email({ name, email, password })
      : await authClient.signIn.email({ email, password });
    setPending(false);
    if (response.error) {
      // The server's password rules (the common-password list is not sent to the browser)
      // come back as PASSWORD_* codes: shown under the field they are about.
      if (response.error.code?.startsWith("PASSWORD_") && response.error.message) {
        return setErrors({ password: [response.error.message] });
      }
      return setErrors({ _form: [formMessage(signUp, response.error)] });
    }
    // Two-factor sign-in on: the password was right, a code comes next.
    if (response.data && "twoFactorRedirect" in response.data) return setSecondStep(true);
    // A sign-up with an address that has an account answers the same but signs no one in
    // (the owner gets an email): say what to do, not whether the account exists.
    if (signUp && !(await authClient.getSession()).data) return setCheckInbox(email);
    router.replace("/");
    router.refresh();
  }

  if (secondStep) return <TwoFactorStep onBack={() => setSecondStep(false)} />;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">
          {signUp ? "Create your account" : "Sign in to Caseward"}
        </h1>
        <p className="text-sm text-muted-foreground">
          {signUp ? "Track every support case and contact safely." : "Welcome back."}
        </p>
      </div>
      {checkInbox && (
        <Alert variant="info" title="Check your inbox">
          {`We sent an email to ${checkInbox}. If you already have an account with this address, sign in or reset your password instead.`}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {errors._form && <Alert variant="danger">{errors._form[0]}</Alert>}
        {signUp && (
          <Field label="Your name" htmlFor="name" error={firstError(errors, "name")}>
            <Input
              id="name"
              name="name"
              autoComplete="name"
              {...fieldAria("name", firstError(errors, "name"))}
            />
          </Field>
        )}
        <Field label="Email" htmlFor="email" error={firstError(errors, "email")}>
          <Input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            {...fieldAria("email", firstError(errors, "email"))}
          />
        </Field>
        <PasswordField
          id="password"
          name="password"
          label="Password"
          errors={errors}
          kind={signUp ? "new" : "current"}
        />
        <Button type="submit" className="w-full" loading={pending}>
          {signUp ? "Create account" : "Sign in"}
        </Button>
      </form>
      {!signUp && (
        <p className="text-center text-sm">
          <Link
            className="font-medium text-primary underline-offset-4 hover:underline"
            href="/forgot-password"
          >
            Forgot password?
          </Link>
        </p>
      )}
      <p className="text-center text-sm text-muted-foreground">
        {signUp ? "Already have an account? " : "New to Caseward? "}
        <Link
          className="font-medium text-primary underline-offset-4 hover:underline"
          href={signUp ? "/sign-in" : "/sign-up"}
        >
          {signUp ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </div>
  );
}
