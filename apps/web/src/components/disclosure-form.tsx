"use client";

import type { DisclosureFields, DisclosureKind, PrivacyAnswerValue } from "@caseward/core/schemas";
import {
  disclosureAdvice,
  disclosureChecklistQuestions,
  disclosureFields,
  disclosureKindLabels,
  disclosureKinds,
  maxLengthsOf,
  privacyChecklistQuestions,
  secretDisclosureKinds,
} from "@caseward/core/schemas";
import { Alert, Button, Checkbox, Field, fieldAria, Label, NativeSelect } from "@caseward/ui";
import Link from "next/link";
import { useLocale } from "next-intl";
import { useState } from "react";

import { FormErrorSummary } from "~/components/form-error-summary";
import { useFormErrors, validate } from "~/lib/form";
import { SecretField } from "~/components/secret-field";

const disclosureLimits = maxLengthsOf(disclosureFields);

const answerWords: Record<PrivacyAnswerValue, string> = {
  yes: "Yes",
  no: "No",
  unsure: "Not sure",
};

const isSecretKind = (kind: DisclosureKind) =>
  (secretDisclosureKinds as readonly DisclosureKind[]).includes(kind);

export interface DisclosureContext {
  companyId: string;
  companyName: string;
  country: string;
  willingToShare: DisclosureKind[] | null;
  checklist: Record<string, { answer: PrivacyAnswerValue; note: string | null }> | undefined;
}

interface Draft {
  kind: "" | DisclosureKind;
  asked: boolean;
  reason: string;
  detail: string;
}

const empty: Draft = { kind: "", asked: true, reason: "", detail: "" };

const fieldsOf = (draft: Draft) => ({
  kind: draft.kind || undefined,
  asked: draft.asked,
  reason: draft.reason.trim() || undefined,
  detail: draft.detail.trim() || undefined,
});

/**
 * One kind of personal data given, asked for or not, and the reason given. Before a national id
 * or an ID document it shows the company's checklist answers and the advice of the user's
 * country; for a password or a code it says why no company needs one, and takes no detail.
 * A part of a larger form (the contact session's), so it holds no `<form>` of its own.
 */
export function DisclosureForm({
  context,
  onAdd,
  pending,
  idPrefix = "disclosure",
}: {
  idPrefix?: string;
  context: DisclosureContext;
  /** Takes the row (the form then empties); a rejection is shown as the server's refusal. */
  onAdd: (fields: DisclosureFields) => Promise<unknown> | void;
  pending?: boolean;
}) {
  const { companyId, companyName, country, willingToShare, checklist } = context;
  const [draft, setDraft] = useState<Draft>(empty);
  const { formRef, errors, error, show, showServerError, recheck } =
    useFormErrors<HTMLDivElement>();
  const { kind, asked, reason, detail } = draft;
  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    recheck(disclosureFields, () => fieldsOf(next));
  };

  async function add() {
    const result = validate(disclosureFields, fieldsOf(draft));
    if (!result.ok) return show(result.errors);
    show({});
    try {
      await onAdd(result.data);
    } catch (refused) {
      return showServerError(refused);
    }
    setDraft(empty);
  }

  const locale = useLocale();
  const advice = kind ? disclosureAdvice(kind, country, locale) : null;
  const related = kind ? (disclosureChecklistQuestions[kind] ?? []) : [];
  const notWilling = kind && willingToShare !== null && !willingToShare.includes(kind);
  const fieldError = error;

  return (
    <div ref={formRef} className="space-y-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="What did you give?" htmlFor={`${idPrefix}-kind`} error={fieldError("kind")}>
          <NativeSelect
            id={`${idPrefix}-kind`}
            value={kind}
            onChange={(e) => change({ kind: e.target.value as DisclosureKind | "" })}
            {...fieldAria(`${idPrefix}-kind`, fieldError("kind"))}
          >
            <option value="">Choose…</option>
            {disclosureKinds.map((k) => (
              <option key={k} value={k}>
                {disclosureKindLabels[k]}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <div className="flex items-end gap-2 pb-2">
          <Checkbox
            id={`${idPrefix}-asked`}
            checked={asked}
            onChange={(e) => change({ asked: e.target.checked })}
          />
          <Label htmlFor={`${idPrefix}-asked`} className="font-normal">
            They asked for it
          </Label>
        </div>
      </div>
      {kind && isSecretKind(kind) && (
        <Alert variant="danger" title="No company ever needs this">
          Staff can reach your account without your password or a one-time code. Saving records a
          red flag. Change it now from the official website or app. Write nothing of it down here.
        </Alert>
      )}
      {notWilling && (
        <Alert variant="warning" title="You decided not to give this">
          {disclosureKindLabels[kind]} is not on your list for {companyName}.{" "}
          <Link href={`/companies/${companyId}/privacy#willing`} className="underline">
            See your list
          </Link>
          .
        </Alert>
      )}
      {advice && (
        <Alert variant="warning" title={`Before you give it: ${advice.title.toLowerCase()}`}>
          {related.length > 0 && (
            <ul className="mb-2 space-y-1">
              {related.map((id) => {
                const question = privacyChecklistQuestions.find((q) => q.id === id)!;
                const answer = checklist?.[id];
                return (
                  <li key={id}>
                    {question.text}{" "}
                    <strong>
                      {answer ? answerWords[answer.answer] : "Not answered in the checklist"}
                    </strong>
                    {answer?.note ? ` (${answer.note})` : ""}
                  </li>
                );
              })}
            </ul>
          )}
          <p>{advice.text}</p>
          {advice.link && (
            <a
              href={advice.link}
              target="_blank"
              rel="noreferrer noopener"
              className="mt-1 inline-block underline"
            >
              Official guidance
            </a>
          )}
        </Alert>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SecretField
          id={`${idPrefix}-reason`}
          label="The reason they gave"
          value={reason}
          onChange={(next) => change({ reason: next })}
          error={fieldError("reason")}
          maxLength={disclosureLimits.reason}
        />
        {!(kind && isSecretKind(kind)) && (
          <SecretField
            id={`${idPrefix}-detail`}
            label="What exactly (optional)"
            hint="For example “last 4: 1234” or “old address”. Never a full number."
            value={detail}
            onChange={(next) => change({ detail: next })}
            error={fieldError("detail")}
            maxLength={disclosureLimits.detail}
          />
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={() => void add()} loading={pending}>
          Add to the ledger
        </Button>
        <FormErrorSummary errors={errors} />
      </div>
    </div>
  );
}
