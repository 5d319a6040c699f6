"use client";

import type { DisclosureFields, DisclosureKind, PrivacyAnswerValue } from "@caseward/core/schemas";
import {
  disclosureAdvice,
  disclosureChecklistQuestions,
  disclosureFields,
  disclosureKinds,
  maxLengthsOf,
  privacyChecklistQuestions,
  secretDisclosureKinds,
} from "@caseward/core/schemas";
import { Alert, Button, Checkbox, Field, fieldAria, Label, NativeSelect } from "@caseward/ui";
import Link from "next/link";
import { useLocale } from "next-intl";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { FormErrorSummary } from "~/components/form-error-summary";
import { useFormErrors, validate } from "~/lib/form";
import { SecretField } from "~/components/secret-field";

const disclosureLimits = maxLengthsOf(disclosureFields);

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
  const t = useTranslations("Disclosures");
  const words = useTranslations("Vocabulary");
  const answerWords: Record<PrivacyAnswerValue, string> = {
    yes: t("yes"),
    no: t("no"),
    unsure: t("unsure"),
  };
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
        <Field label={t("whatGiven")} htmlFor={`${idPrefix}-kind`} error={fieldError("kind")}>
          <NativeSelect
            id={`${idPrefix}-kind`}
            value={kind}
            onChange={(e) => change({ kind: e.target.value as DisclosureKind | "" })}
            {...fieldAria(`${idPrefix}-kind`, fieldError("kind"))}
          >
            <option value="">{t("choose")}</option>
            {disclosureKinds.map((k) => (
              <option key={k} value={k}>
                {words(`disclosureKind.${k}`)}
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
            {t("theyAskedForIt")}
          </Label>
        </div>
      </div>
      {kind && isSecretKind(kind) && (
        <Alert variant="danger" title={t("secretTitle")}>
          {t("secretText")}
        </Alert>
      )}
      {notWilling && (
        <Alert variant="warning" title={t("notWillingTitle")}>
          {t.rich("notWillingText", {
            what: words(`disclosureKind.${kind}`),
            company: companyName,
            link: (chunks) => (
              <Link href={`/companies/${companyId}/privacy#willing`} className="underline">
                {chunks}
              </Link>
            ),
          })}
        </Alert>
      )}
      {advice && (
        <Alert variant="warning" title={t("beforeYouGive", { advice: advice.title.toLowerCase() })}>
          {related.length > 0 && (
            <ul className="mb-2 space-y-1">
              {related.map((id) => {
                const question = privacyChecklistQuestions.find((q) => q.id === id)!;
                const answer = checklist?.[id];
                return (
                  <li key={id}>
                    {question.text}{" "}
                    <strong>{answer ? answerWords[answer.answer] : t("notAnswered")}</strong>
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
              {t("officialGuidance")}
            </a>
          )}
        </Alert>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SecretField
          id={`${idPrefix}-reason`}
          label={t("reason")}
          value={reason}
          onChange={(next) => change({ reason: next })}
          error={fieldError("reason")}
          maxLength={disclosureLimits.reason}
        />
        {!(kind && isSecretKind(kind)) && (
          <SecretField
            id={`${idPrefix}-detail`}
            label={t("detail")}
            hint={t("detailHint")}
            value={detail}
            onChange={(next) => change({ detail: next })}
            error={fieldError("detail")}
            maxLength={disclosureLimits.detail}
          />
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={() => void add()} loading={pending}>
          {t("addToLedger")}
        </Button>
        <FormErrorSummary errors={errors} />
      </div>
    </div>
  );
}
