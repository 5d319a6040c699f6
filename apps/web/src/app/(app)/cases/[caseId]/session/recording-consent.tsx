"use client";

import { recordingAdvice, recordingConsent } from "@caseward/core/schemas";
import { Alert, Checkbox, Label } from "@caseward/ui";
import { useTranslations } from "next-intl";
import Link from "next/link";

/** The consent rule of the user's region, shown before they mark the contact as recorded. */
export function RecordingConsent({
  region,
  recorded,
  onChange,
}: {
  region: { country: string; subdivision: string | null };
  recorded: boolean;
  onChange: (recorded: boolean) => void;
}) {
  const t = useTranslations("ContactSession");
  const place = { country: region.country, subdivision: region.subdivision ?? undefined };
  const rule = recordingConsent(place);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t("recording")}</legend>
      <Alert
        variant={rule?.rule === "one_party" ? "info" : "warning"}
        title={
          rule
            ? rule.rule === "one_party"
              ? t("onePartyTitle")
              : t("allPartyTitle")
            : t("unknownRuleTitle")
        }
      >
        <p>{rule?.summary ?? t("setRegion")}</p>
        <p className="mt-1 font-medium">{recordingAdvice(place)}</p>
        <p className="mt-1 text-xs">
          {t.rich("region", {
            region: region.subdivision ? `${region.country}-${region.subdivision}` : region.country,
            link: (chunks) => (
              <Link href="/settings" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </Alert>
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
