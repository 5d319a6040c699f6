"use client";

import { Alert } from "@caseward/ui";
import { useSearchParams } from "next/navigation";

import { useTranslations } from "~/i18n/translations";

const isNotice = (value: string | null): value is "confirmed" | "changed" =>
  value === "confirmed" || value === "changed";

/** What the link in a confirmation email did, said on the page it opens (`?email=…`). */
export function AccountNotice() {
  const t = useTranslations("Shell");
  const notice = useSearchParams().get("email");
  if (!isNotice(notice)) return null;
  return (
    <Alert variant="success" title={t("emailConfirmedTitle")} className="mb-6">
      {notice === "confirmed" ? t("emailConfirmed") : t("emailChanged")}
    </Alert>
  );
}
