"use client";

import { Alert, Button, Field, fieldAria, Input } from "@caseward/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { authClient } from "~/lib/auth-client";
import { authErrorMessage } from "~/lib/auth-messages";
import { normalizeBackupCode } from "~/lib/backup-code";

function messageOf(error: { status: number; message?: string }, backup: boolean) {
  if (error.status === 401 && /cookie/i.test(error.message ?? "")) {
    return "This sign-in has expired. Go back and enter your password again.";
  }
  if (error.status === 401) {
    return backup
      ? "That backup code is not right, or it was used already."
      : "That code is not right. Check the time on your phone and try the newest code.";
  }
  return authErrorMessage(error, "Could not sign you in. Please try again.");
}

/** The second step of signing in: a code from the authenticator app, or a backup code. */
export function TwoFactorStep({ next, onBack }: { next: string; onBack: () => void }) {
  const router = useRouter();
  const [backup, setBackup] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const value = code.trim();
    if (!value) return setError(backup ? "Enter a backup code." : "Enter the 6-digit code.");
    setPending(true);
    setError(undefined);
    const { error } = backup
      ? await authClient.twoFactor.verifyBackupCode({ code: normalizeBackupCode(value) })
      : await authClient.twoFactor.verifyTotp({ code: value.replace(/\s/g, "") });
    setPending(false);
    if (error) return setError(messageOf(error, backup));
    router.replace(next);
    router.refresh();
  }

  const id = backup ? "backup-code" : "totp-code";
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Two-factor sign-in</h1>
        <p className="text-sm text-muted-foreground">
          {backup
            ? "Enter one of your backup codes. Each works once."
            : "Enter the 6-digit code your authenticator app shows for Caseward."}
        </p>
      </div>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {error && <Alert variant="danger">{error}</Alert>}
        <Field label={backup ? "Backup code" : "6-digit code"} htmlFor={id}>
          <Input
            key={id}
            id={id}
            autoFocus
            autoComplete="one-time-code"
            inputMode={backup ? "text" : "numeric"}
            maxLength={backup ? 32 : 7}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            {...fieldAria(id, undefined)}
          />
        </Field>
        <Button type="submit" className="w-full" loading={pending}>
          Sign in
        </Button>
      </form>
      <div className="flex justify-between text-sm">
        <button
          type="button"
          className="font-medium text-primary underline-offset-4 hover:underline"
          onClick={() => {
            setBackup(!backup);
            setCode("");
            setError(undefined);
          }}
        >
          {backup ? "Use the authenticator app" : "Use a backup code"}
        </button>
        <button
          type="button"
          className="text-muted-foreground underline-offset-4 hover:underline"
          onClick={onBack}
        >
          Back
        </button>
      </div>
    </div>
  );
}
