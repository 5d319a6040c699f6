"use client";

import { recordingAdvice, recordingConsent } from "@caseward/core/schemas";
import { Alert, Checkbox, Label } from "@caseward/ui";
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
  const place = { country: region.country, subdivision: region.subdivision ?? undefined };
  const rule = recordingConsent(place);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Recording</legend>
      <Alert
        variant={rule?.rule === "one_party" ? "info" : "warning"}
        title={
          rule
            ? rule.rule === "one_party"
              ? "One-party consent where you live"
              : "Everyone must agree to be recorded where you live"
            : "We do not know the rule where you live"
        }
      >
        <p>{rule?.summary ?? "Set your region in settings to see the rule."}</p>
        <p className="mt-1 font-medium">{recordingAdvice(place)}</p>
        <p className="mt-1 text-xs">
          Region: {region.country}
          {region.subdivision ? `-${region.subdivision}` : ""} ·{" "}
          <Link href="/settings" className="underline">
            change
          </Link>
        </p>
      </Alert>
      <div className="flex items-center gap-2">
        <Checkbox
          id="session-recorded"
          checked={recorded}
          onChange={(e) => onChange(e.target.checked)}
        />
        <Label htmlFor="session-recorded" className="font-normal">
          I recorded this contact, as the rule above allows (or the chat sent me a transcript)
        </Label>
      </div>
    </fieldset>
  );
}
