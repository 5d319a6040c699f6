"use client";

import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Dialog,
  DialogContent,
  DialogFooter,
  DialogTrigger,
  Field,
  fieldAria,
  Input,
  buttonVariants,
} from "@caseward/ui";
import { Download, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { clearAllDrafts } from "~/lib/use-draft";

/**
 * Export everything, or delete the account and everything in it: the password, and with
 * two-factor on a code from the authenticator app too (a stolen password alone cannot do it).
 */
export function AccountData({ twoFactorEnabled }: { twoFactorEnabled: boolean }) {
  const t = useTranslations("SettingsAccount");
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function remove(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    setCodeError(undefined);
    const response = await fetch("/api/account/delete", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(twoFactorEnabled ? { password, code } : { password }),
    }).catch(() => null);
    setPending(false);
    if (!response?.ok) {
      const body = (await response?.json().catch(() => null)) as {
        error?: string;
        field?: string;
      } | null;
      const message = body?.error ?? t("failed");
      return body?.field === "code" ? setCodeError(message) : setError(message);
    }
    clearAllDrafts();
    router.replace("/sign-in?account=deleted");
    router.refresh();
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("dataTitle")}</CardTitle>
        <CardDescription>{t("dataHint")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap gap-3">
        <a href="/api/account/export" download className={buttonVariants({ variant: "secondary" })}>
          <Download aria-hidden className="size-4" /> {t("downloadEverything")}
        </a>
        <Dialog>
          <DialogTrigger asChild>
            <Button variant="outline">
              <Trash2 aria-hidden className="size-4" /> {t("deleteAccount")}
            </Button>
          </DialogTrigger>
          <DialogContent title={t("deleteAccountQuestion")} description={t("deleteAccountWarning")}>
            <form onSubmit={remove} aria-label={t("deleteAccount")} className="space-y-4">
              <Field label={t("yourPassword")} htmlFor="delete-password" error={error}>
                <Input
                  id="delete-password"
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  {...fieldAria("delete-password", error)}
                />
              </Field>
              {twoFactorEnabled && (
                <Field label={t("authenticatorCode")} htmlFor="delete-code" error={codeError}>
                  <Input
                    id="delete-code"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    value={code}
                    onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
                    {...fieldAria("delete-code", codeError)}
                  />
                </Field>
              )}
              <DialogFooter>
                <Button
                  type="submit"
                  variant="danger"
                  loading={pending}
                  disabled={!password || (twoFactorEnabled && code.length !== 6)}
                >
                  {t("deleteEverything")}
                </Button>
              </DialogFooter>
            </form>
          </DialogContent>
        </Dialog>
      </CardContent>
    </Card>
  );
}
