"use client";

import { Alert, Button, Field, fieldAria, Input } from "@caseward/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { authClient } from "~/lib/auth-client";
import { authErrorMessage } from "~/lib/auth-messages";
import { normalizeBackupCode } from "~/lib/backup-code";

type Translate = ReturnType<typeof useTranslations<"TwoFactor">>;

function messageOf(t: Translate, error: { status: number; message?: string }, backup: boolean) {
  if (error.status === 401 && /cookie/i.test(error.message ?? "")) return t("expired");
  if (error.status === 401) return backup ? t("wrongBackupCode") : t("wrongCode");
  return authErrorMessage(error, t("failed"));
}

/** The second step of signing in: a code from the authenticator app, or a backup code. */
export function TwoFactorStep({ next, onBack }: { next: string; onBack: () => void }) {
  const t = useTranslations("TwoFactor");
  const router = useRouter();
  const [backup, setBackup] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const value = code.trim();
    if (!value) return setError(backup ? t("backupCodeMissing") : t("codeMissing"));
    setPending(true);
    setError(undefined);
    const { error } = backup
      ? await authClient.twoFactor.verifyBackupCode({ code: normalizeBackupCode(value) })
      : await authClient.twoFactor.verifyTotp({ code: value.replace(/\s/g, "") });
    setPending(false);
    if (error) return setError(messageOf(t, error, backup));
    router.replace(next);
    router.refresh();
  }

  const id = backup ? "backup-code" : "totp-code";
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{backup ? t("backupLead") : t("codeLead")}</p>
      </div>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {error && <Alert variant="danger">{error}</Alert>}
        <Field label={backup ? t("backupCode") : t("code")} htmlFor={id}>
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
          {t("signIn")}
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
          {backup ? t("useApp") : t("useBackupCode")}
        </button>
        <button
          type="button"
          className="text-muted-foreground underline-offset-4 hover:underline"
          onClick={onBack}
        >
          {t("back")}
        </button>
      </div>
    </div>
  );
}
