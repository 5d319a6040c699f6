"use client";

import type { DisclosureFields } from "@caseward/core/schemas";
import { disclosureKindLabels } from "@caseward/core/schemas";
import { Button } from "@caseward/ui";
import { X } from "lucide-react";

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
  return (
    <fieldset className="space-y-3" aria-label="Personal data given">
      <legend className="text-sm font-medium">Personal data given</legend>
      {value.length > 0 && (
        <ul className="divide-y divide-border rounded-md border border-border text-sm">
          {value.map((d, index) => (
            <li key={index} className="flex items-start justify-between gap-2 px-3 py-2">
              <span>
                <span className="font-medium">{disclosureKindLabels[d.kind]}</span>
                {d.detail && <span className="text-muted-foreground"> · {d.detail}</span>}
                <span className="block text-muted-foreground">
                  {d.asked === false ? "I offered it" : "They asked"}
                  {d.reason ? ` · “${d.reason}”` : ""}
                </span>
              </span>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={`Remove ${disclosureKindLabels[d.kind]}`}
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
