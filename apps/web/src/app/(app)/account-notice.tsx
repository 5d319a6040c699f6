"use client";

import { Alert } from "@caseward/ui";
import { useSearchParams } from "next/navigation";

const notices: Record<string, string> = {
  confirmed: "Your email address is confirmed. Reminders and escalation advice can reach you now.",
  changed: "Your new email address is confirmed. Caseward writes to it from now on.",
};

/** What the link in a confirmation email did, said on the page it opens (`?email=…`). */
export function AccountNotice() {
  const notice = notices[useSearchParams().get("email") ?? ""];
  if (!notice) return null;
  return (
    <Alert variant="success" title="Email address confirmed" className="mb-6">
      {notice}
    </Alert>
  );
}
