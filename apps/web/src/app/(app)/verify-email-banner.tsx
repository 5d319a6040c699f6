"use client";

import { Alert, Button } from "@caseward/ui";
import { useState } from "react";

import { loadAuthClient } from "~/lib/load-auth-client";

/** One resend a minute from this page; the server allows 3 per 15 minutes per address. */
const resendPauseMs = 60_000;

/**
 * Shown in the app frame while the sign-in address is not confirmed: reminders and escalation
 * advice are held until it is.
 */
export function VerifyEmailBanner({ email, held }: { email: string; held: number }) {
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
      aria-label="Verify your email address"
      title="Verify your email address"
      className="mb-6 print:hidden"
    >
      <p>
        {`We sent a link to ${email}. Reminders and escalation advice go only to a confirmed address`}
        {held > 0
          ? ` — ${held === 1 ? "1 email is" : `${held} emails are`} held until you open it.`
          : "."}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button
          size="sm"
          variant="secondary"
          loading={state === "sending"}
          disabled={state === "sent"}
          onClick={() => void resend()}
        >
          Resend the link
        </Button>
        <span role="status" className="text-sm">
          {state === "sent" && "Sent. Check your inbox (and spam folder)."}
          {state === "failed" && "Could not send it now. Please try again in a few minutes."}
        </span>
      </div>
    </Alert>
  );
}
