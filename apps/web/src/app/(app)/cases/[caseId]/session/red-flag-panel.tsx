"use client";

import type { RedFlagKind } from "@caseward/core/schemas";
import { redFlagDetailsIn, redFlagKinds, scanForRedFlags } from "@caseward/core/schemas";
import { Alert, Checkbox, Label } from "@caseward/ui";
import { useLocale } from "next-intl";
import { useDeferredValue } from "react";

import { useTranslations } from "~/i18n/translations";

const markable = redFlagKinds.filter((kind) => kind !== "inbound_unverified");

/**
 * Warning signs: the user ticks what happened; the notes and transcript are scanned as they are
 * typed; an inbound contact on an unverified channel is one by itself. Each shows at once what it
 * means and what to do. Loaded after the session's first paint, with the scanner's patterns.
 */
export function RedFlagPanel({
  marked,
  said,
  inboundUnverified,
  onChange,
}: {
  marked: RedFlagKind[];
  /** What was written so far (notes, transcript, promise), scanned here. */
  said: string;
  inboundUnverified: boolean;
  onChange: (marked: RedFlagKind[]) => void;
}) {
  const t = useTranslations("ContactSession");
  const details = redFlagDetailsIn(useLocale());
  // Scanning is cheap, but a long transcript pasted at once should not stall typing.
  const scanned = scanForRedFlags(useDeferredValue(said));
  // The inbound warning already shows beside "Who started it".
  const active = [...new Set<RedFlagKind>([...marked, ...scanned])];
  return (
    <fieldset className="space-y-3" aria-label={t("redFlags")}>
      <legend className="text-sm font-medium">{t("warningSigns")}</legend>
      <p className="text-sm text-muted-foreground">{t("warningSignsHint")}</p>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {markable.map((kind) => (
          <div key={kind} className="flex items-center gap-2">
            <Checkbox
              id={`flag-${kind}`}
              checked={marked.includes(kind)}
              onChange={(e) =>
                onChange(e.target.checked ? [...marked, kind] : marked.filter((k) => k !== kind))
              }
            />
            <Label htmlFor={`flag-${kind}`} className="font-normal">
              {details[kind].title}
              {scanned.includes(kind) && !marked.includes(kind) && (
                <span className="ml-1 text-xs text-danger">{t("foundInNotes")}</span>
              )}
            </Label>
          </div>
        ))}
      </div>
      <div className="space-y-3" aria-live="polite">
        {active.map((kind) => (
          <Alert key={kind} variant="danger" title={details[kind].title}>
            <p>{details[kind].meaning}</p>
            <p className="mt-1 font-medium">{t("whatToDo", { advice: details[kind].advice })}</p>
          </Alert>
        ))}
      </div>
      {(active.length > 0 || inboundUnverified) && (
        <p className="text-xs text-muted-foreground">
          {t.rich("flagsEmailed", {
            nowrap: (chunks) => <span className="whitespace-nowrap">{chunks}</span>,
          })}
        </p>
      )}
    </fieldset>
  );
}
