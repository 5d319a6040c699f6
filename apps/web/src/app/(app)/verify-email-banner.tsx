"use client";

import { Alert, Button } from "@caseward/ui";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { loadAuthClient } from "~/lib/load-auth-client";

/** One resend a minute from this page; the server allows 3 per 15 minutes per address. */
const resendPauseMs = 60_000;

/**
 * Shown in the app frame while the sign-in address is not confirmed: reminders and escalation
 * advice are held until it is. `text` (the address and how many reminders are held) is written
 * on the server.
 */
export function VerifyEmailBanner({ email, text }: { email: string; text: string }) {
  const t = useTranslations("Shell");
  const [state, setState] = useState<"idle" | "sending" | "sent" | "failed">("idle");

  async function resend() {
    setState("sending");
    const response = await (
      await loadAuthClient()
    ).sendVerificationEmail({ email, callbackURL: "/" });
    setState(response.error ? "failed" : "sent");
    if (!response.error) setTimeout(() => setState("idle"), resendPauseMs);
  }

  return (
    // A landmark, not an alert: it is on every page until the address is confirmed.
    <Alert
      variant="warning"
      role="region"
      aria-label={t("verifyTitle")}
      title={t("verifyTitle")}
      className="mb-6 print:hidden"
    >
      <p>{text}</p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button
          size="sm"
          variant="secondary"
          loading={state === "sending"}
          disabled={state === "sent"}
          onClick={() => void resend()}
        >
          {t("resend")}
        </Button>
        <span role="status" className="text-sm">
          {state === "sent" && t("resent")}
          {state === "failed" && t("resendFailed")}
        </span>
      </div>
    </Alert>
  );
}
