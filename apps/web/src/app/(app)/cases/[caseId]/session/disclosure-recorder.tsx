"use client";

import type { DisclosureFields } from "@caseward/core/schemas";
import { Button } from "@caseward/ui";
import { X } from "lucide-react";

import { useTranslations } from "~/i18n/translations";
import type { DisclosureContext } from "~/components/disclosure-form";
import { DisclosureForm } from "~/components/disclosure-form";

/** The disclosure ledger in the session: what was given so far in this contact, and the form. */
export function DisclosureRecorder({
  context,
  value,
  onChange,
  error,
}: {
  context: DisclosureContext;
  value: DisclosureFields[];
  onChange: (value: DisclosureFields[]) => void;
  error?: string;
}) {
  const t = useTranslations("ContactSession");
  const words = useTranslations("Vocabulary");
  return (
    <fieldset className="space-y-3" aria-label={t("personalDataGiven")}>
      <legend className="text-sm font-medium">{t("personalDataGiven")}</legend>
      {value.length > 0 && (
        <ul className="divide-y divide-border rounded-md border border-border text-sm">
          {value.map((d, index) => (
            <li key={index} className="flex items-start justify-between gap-2 px-3 py-2">
              <span>
                <span className="font-medium">{words(`disclosureKind.${d.kind}`)}</span>
                {d.detail && <span className="text-muted-foreground"> · {d.detail}</span>}
                <span className="block text-muted-foreground">
                  {d.asked === false ? t("offered") : t("theyAsked")}
                  {d.reason ? ` · ${t("givenReason", { reason: d.reason })}` : ""}
                </span>
              </span>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={t("removeDisclosure", { what: words(`disclosureKind.${d.kind}`) })}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                <X aria-hidden className="size-4" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="text-sm text-danger">{error}</p>}
      <DisclosureForm context={context} onAdd={(fields) => onChange([...value, fields])} />
    </fieldset>
  );
}
