"use client";

import { Checkbox, Label } from "@caseward/ui";
import type { ReactNode } from "react";

import { useTranslations } from "~/i18n/translations";

/** The consent rule of the user's region (written on the server), then "this contact was recorded". */
export function RecordingConsent({
  rule,
  recorded,
  onChange,
}: {
  rule: ReactNode;
  recorded: boolean;
  onChange: (recorded: boolean) => void;
}) {
  const t = useTranslations("ContactSession");
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t("recording")}</legend>
      {rule}
      <div className="flex items-center gap-2">
        <Checkbox
          id="session-recorded"
          checked={recorded}
          onChange={(e) => onChange(e.target.checked)}
        />
        <Label htmlFor="session-recorded" className="font-normal">
          {t("recorded")}
        </Label>
      </div>
    </fieldset>
  );
}
