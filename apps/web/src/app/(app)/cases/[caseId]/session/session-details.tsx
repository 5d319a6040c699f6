"use client";

import { contactOutcomes } from "@caseward/core/schemas";
import { Card, CardContent, Field, fieldAria, Input } from "@caseward/ui";
import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import { memo, Suspense } from "react";

import { useTranslations } from "~/i18n/translations";
import type { DisclosureContext } from "~/components/disclosure-form";
import { SecretField } from "~/components/secret-field";
import type { FieldErrors } from "~/lib/form-errors";
import { firstError } from "~/lib/form-errors";
import { DeferredPart } from "./deferred-part";
import { RecordingConsent } from "./recording-consent";
import type { SessionDraft } from "./session-draft";

// The disclosures and the warning signs are far down a phone's screen: their forms, advice,
// texts and the scanner's patterns load after the first paint (`DeferredPart`).
const loadDisclosureRecorder = () => import("./disclosure-recorder");
const DisclosureRecorder = dynamic(
  () => loadDisclosureRecorder().then((module) => module.DisclosureRecorder),
  { ssr: false },
);
const loadRedFlagPanel = () => import("./red-flag-panel");
const RedFlagPanel = dynamic(() => loadRedFlagPanel().then((module) => module.RedFlagPanel), {
  ssr: false,
});

/** Changes one field of the draft (stable: the memoised details depend on it). */
export type SetDraft = <K extends keyof SessionDraft>(key: K, value: SessionDraft[K]) => void;

export type TextKey =
  | "representativeName"
  | "representativeId"
  | "referenceNumber"
  | "notes"
  | "transcript"
  | "promisedFollowUp";

/** A text field of the draft: its value, its change, its message and the server's limit. */
export function textField(
  key: TextKey,
  draft: SessionDraft,
  set: SetDraft,
  errors: FieldErrors,
  limits: Partial<Record<keyof SessionDraft, number>>,
) {
  return {
    value: draft[key],
    onChange: (value: string) => set(key, value),
    error: firstError(errors, key),
    maxLength: limits[key],
  };
}

/**
 * The session's second half (the transcript; the promise, recording, disclosures, warning signs
 * and outcome): below the fold on a phone. Memoised and in a Suspense boundary, so it keeps its
 * server HTML and hydrates after the first half, at low priority and in slices the phone can
 * interrupt, unless the draft changes first.
 */
export const SessionDetails = memo(function SessionDetails({
  draft,
  set,
  errors,
  limits,
  inputZone,
  inboundUnverified,
  disclosureContext,
  recordingRule,
}: {
  draft: SessionDraft;
  set: SetDraft;
  errors: FieldErrors;
  limits: Partial<Record<keyof SessionDraft, number>>;
  inputZone: string | null;
  inboundUnverified: boolean;
  disclosureContext: DisclosureContext;
  recordingRule: ReactNode;
}) {
  const t = useTranslations("ContactSession");
  const words = useTranslations("Vocabulary");
  const error = (field: string) => firstError(errors, field);
  const text = (key: TextKey) => textField(key, draft, set, errors, limits);
  const said = `${draft.notes}\n${draft.transcript}\n${draft.promisedFollowUp}`;
  return (
    <Suspense>
      <Card className="lg:col-start-2 lg:row-start-3">
        <CardContent className="pt-6">
          <SecretField
            label={t("transcript")}
            id="session-transcript"
            multiline
            rows={6}
            hint={t("transcriptHint")}
            {...text("transcript")}
          />
        </CardContent>
      </Card>
      <Card className="lg:col-span-2 lg:row-start-4">
        <CardContent className="grid grid-cols-1 gap-5 pt-6 lg:grid-cols-2">
          <div className="space-y-3">
            <SecretField
              label={t("promise")}
              id="session-promise"
              hint={t("promiseHint")}
              {...text("promisedFollowUp")}
            />
            <Field
              label={t("promiseDue")}
              htmlFor="session-promise-due"
              error={error("followUpDueAt")}
              hint={inputZone ?? undefined}
            >
              <Input
                id="session-promise-due"
                type="datetime-local"
                value={draft.followUpDueAt}
                onChange={(e) => set("followUpDueAt", e.target.value)}
                {...fieldAria("session-promise-due", error("followUpDueAt"), inputZone !== null)}
              />
            </Field>
          </div>
          <RecordingConsent
            rule={recordingRule}
            recorded={draft.recorded}
            onChange={(v) => set("recorded", v)}
          />
          <div className="lg:col-span-2">
            <DeferredPart
              load={loadDisclosureRecorder}
              needed={draft.disclosures.length > 0 || error("disclosures") !== undefined}
              className="min-h-40"
            >
              <DisclosureRecorder
                context={disclosureContext}
                value={draft.disclosures}
                onChange={(v) => set("disclosures", v)}
                error={error("disclosures")}
              />
            </DeferredPart>
          </div>
          <div className="lg:col-span-2">
            <DeferredPart
              load={loadRedFlagPanel}
              needed={said.trim() !== "" || draft.redFlags.length > 0 || inboundUnverified}
              className="min-h-48"
            >
              <RedFlagPanel
                marked={draft.redFlags}
                said={said}
                inboundUnverified={inboundUnverified}
                onChange={(v) => set("redFlags", v)}
              />
            </DeferredPart>
          </div>
          <fieldset className="space-y-2 lg:col-span-2">
            <legend className="text-sm font-medium">{t("outcome")}</legend>
            <div className="flex flex-wrap gap-2">
              {contactOutcomes.map((outcome) => (
                <label
                  key={outcome}
                  className="flex cursor-pointer items-center gap-2 rounded-md border border-border px-3 py-2 text-sm has-checked:border-primary has-checked:bg-primary/5"
                >
                  <input
                    type="radio"
                    name="outcome"
                    value={outcome}
                    checked={draft.outcome === outcome}
                    onChange={() => set("outcome", outcome)}
                    className="accent-[var(--color-primary)]"
                  />
                  {words(`contactOutcome.${outcome}`)}
                </label>
              ))}
            </div>
          </fieldset>
        </CardContent>
      </Card>
    </Suspense>
  );
});
