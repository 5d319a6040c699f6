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
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { authClient } from "~/lib/auth-client";
import { authErrorMessage } from "~/lib/auth-messages";
import { BackupCodes } from "./backup-codes";
import { QrCode } from "./qr-code";

type Step =
  | { name: "idle" }
  | { name: "password"; action: "enable" | "codes" | "disable" }
  | { name: "scan"; totpURI: string; backupCodes: string[] }
  | { name: "codes"; backupCodes: string[] };

const actionLabels = {
  enable: "continue",
  codes: "makeNewBackupCodes",
  disable: "turnOffTwoFactor",
} as const;

type Translate = ReturnType<typeof useTranslations<"SettingsSecurity">>;

/** The base32 secret in groups of four, as authenticator apps ask for it typed. */
const setupKeyOf = (totpURI: string) =>
  (new URL(totpURI).searchParams.get("secret") ?? "").replace(/(.{4})(?=.)/g, "$1 ");

const messageOf = (t: Translate, error: { status: number; message?: string }) =>
  error.status === 400 && /password/i.test(error.message ?? "")
    ? t("wrongPassword")
    : error.status === 401
      ? t("wrongCode")
      : authErrorMessage(error, t("failed"));

/** Settings → Two-factor sign-in: turn on with an authenticator app, backup codes, turn off. */
export function TwoFactorSettings({ enabled }: { enabled: boolean }) {
  const t = useTranslations("SettingsSecurity");
  const common = useTranslations("Common");
  const router = useRouter();
  const [step, setStep] = useState<Step>({ name: "idle" });
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  function reset(next: Step = { name: "idle" }) {
    setStep(next);
    setPassword("");
    setCode("");
    setError(undefined);
  }

  async function withPassword(event: React.FormEvent, action: "enable" | "codes" | "disable") {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    if (action === "enable") {
      const { data, error } = await authClient.twoFactor.enable({ password });
      setPending(false);
      if (error || !data || !("totpURI" in data))
        return setError(messageOf(t, error ?? { status: 500 }));
      return reset({ name: "scan", totpURI: data.totpURI, backupCodes: data.backupCodes });
    }
    if (action === "codes") {
      const { data, error } = await authClient.twoFactor.generateBackupCodes({ password });
      setPending(false);
      if (error) return setError(messageOf(t, error));
      return reset({ name: "codes", backupCodes: data.backupCodes });
    }
    const { error } = await authClient.twoFactor.disable({ password });
    setPending(false);
    if (error) return setError(messageOf(t, error));
    reset();
    router.refresh();
  }

  async function confirm(event: React.FormEvent, backupCodes: string[]) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const { error } = await authClient.twoFactor.verifyTotp({ code: code.replace(/\s/g, "") });
    setPending(false);
    if (error) return setError(messageOf(t, error));
    reset({ name: "codes", backupCodes });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("twoFactorTitle")}</CardTitle>
        <CardDescription>{enabled ? t("twoFactorOn") : t("twoFactorOff")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {step.name === "idle" &&
          (enabled ? (
            <div className="flex flex-wrap gap-3">
              <Button
                variant="secondary"
                onClick={() => reset({ name: "password", action: "codes" })}
              >
                {t("newBackupCodes")}
              </Button>
              <Button
                variant="outline"
                onClick={() => reset({ name: "password", action: "disable" })}
              >
                {t("turnOff")}
              </Button>
            </div>
          ) : (
            <Button onClick={() => reset({ name: "password", action: "enable" })}>
              {t("turnOnTwoFactor")}
            </Button>
          ))}

        {step.name === "password" && (
          <form
            onSubmit={(event) => void withPassword(event, step.action)}
            aria-label={t("confirmWithPassword")}
            className="max-w-sm space-y-4"
          >
            <Field label={t("yourPassword")} htmlFor="two-factor-password" error={error}>
              <Input
                id="two-factor-password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                {...fieldAria("two-factor-password", error)}
              />
            </Field>
            <div className="flex gap-3">
              <Button
                type="submit"
                variant={step.action === "disable" ? "danger" : "primary"}
                loading={pending}
                disabled={!password}
              >
                {t(actionLabels[step.action])}
              </Button>
              <Button type="button" variant="ghost" onClick={() => reset()}>
                {common("cancel")}
              </Button>
            </div>
          </form>
        )}

        {step.name === "scan" && (
          <form
            onSubmit={(event) => void confirm(event, step.backupCodes)}
            aria-label={t("confirmAuthenticator")}
            className="space-y-4"
          >
            <p className="text-sm">{t("scanCode")}</p>
            <QrCode text={step.totpURI} label={t("qrCodeLabel")} />
            <p className="text-sm">
              {t("setupKeyLabel")}{" "}
              <code aria-label={t("setupKey")} className="font-mono text-sm break-all select-all">
                {setupKeyOf(step.totpURI)}
              </code>
            </p>
            <Field label={t("codeFromApp")} htmlFor="two-factor-code" error={error}>
              <Input
                id="two-factor-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                className="max-w-40"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                {...fieldAria("two-factor-code", error)}
              />
            </Field>
            <div className="flex gap-3">
              <Button type="submit" loading={pending} disabled={code.trim().length < 6}>
                {t("turnOn")}
              </Button>
              <Button type="button" variant="ghost" onClick={() => reset()}>
                {common("cancel")}
              </Button>
            </div>
          </form>
        )}

        {step.name === "codes" && (
          <BackupCodes
            codes={step.backupCodes}
            onDone={() => {
              reset();
              router.refresh();
            }}
          />
        )}
        {step.name === "idle" && error && <Alert variant="danger">{error}</Alert>}
      </CardContent>
    </Card>
  );
}
