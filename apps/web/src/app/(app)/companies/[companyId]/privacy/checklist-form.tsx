"use client";

import type { PrivacyAnswerValue } from "@caseward/core/schemas";
import {
  maxLengthsOf,
  privacyAnswerInput,
  privacyAnswerValues,
  privacyChecklistInput,
  privacyChecklistQuestions,
  ratePrivacy,
} from "@caseward/core/schemas";
import { Alert, Button, Field, fieldAria, Input, Textarea } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, CircleHelp } from "lucide-react";
import { useLocale } from "next-intl";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { FormErrorSummary } from "~/components/form-error-summary";
import type { FieldErrors } from "~/lib/form";
import { errorsFromServer, useFormErrors, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

interface Row {
  answer?: PrivacyAnswerValue;
  note: string;
  sourceUrl: string;
}

const blank = (value: string) => (value.trim() === "" ? undefined : value);

const answerLimits = maxLengthsOf(privacyAnswerInput);

/** A question's fields in the form's messages: `${questionId}.note`. */
const fieldKey = (questionId: string, field: string) => `${questionId}.${field}`;
const questionIndex = (key: string) =>
  privacyChecklistQuestions.findIndex((q) => key.startsWith(`${q.id}.`));

type Answers = Record<string, { answer: PrivacyAnswerValue; note?: string; sourceUrl?: string }>;

/** Every answer checked by the server's rule, its messages keyed by question and field. */
function checkAnswers(answers: Answers): FieldErrors {
  const found: FieldErrors = {};
  for (const [id, answer] of Object.entries(answers)) {
    const result = validate(privacyAnswerInput, answer);
    if (result.ok) continue;
    for (const [field, messages] of Object.entries(result.errors)) {
      found[fieldKey(id, field)] = messages;
    }
  }
  return found;
}

function answersOf(rows: Record<string, Row>): Answers {
  return Object.fromEntries(
    Object.entries(rows).flatMap(([id, row]) =>
      row.answer
        ? [[id, { answer: row.answer, note: blank(row.note), sourceUrl: blank(row.sourceUrl) }]]
        : [],
    ),
  );
}

/** The seed's privacy questions, answered yes / no / not sure with a note and a source. */
export function ChecklistForm({
  companyId,
  saved,
}: {
  companyId: string;
  saved: Record<
    string,
    { answer: PrivacyAnswerValue; note: string | null; sourceUrl: string | null }
  >;
}) {
  const t = useTranslations("Privacy.checklist");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const questionNumber = (key: string) => {
    const index = questionIndex(key);
    return index < 0 ? undefined : t("question", { number: index + 1 });
  };
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(
      Object.entries(saved).map(([id, a]) => [
        id,
        { answer: a.answer, note: a.note ?? "", sourceUrl: a.sourceUrl ?? "" },
      ]),
    ),
  );
  const { formRef, errors, error, show, recheckWith } = useFormErrors();
  const save = useMutation(
    trpc.privacy.saveChecklist.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
      // The server's field messages name the answers map, not a field of this form.
      onError: (failure) => {
        const fields = errorsFromServer(failure);
        show(fields._form ? fields : { _form: [t("refused")] });
      },
    }),
  );
  const update = (id: string, patch: Partial<Row>) => {
    const next = { ...rows, [id]: { note: "", sourceUrl: "", ...rows[id], ...patch } };
    setRows(next);
    recheckWith(() => checkAnswers(answersOf(next)));
  };

  const answers = answersOf(rows);
  const rating = ratePrivacy(answers, useLocale());

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = checkAnswers(answers);
    if (Object.keys(found).length > 0) return show(found);
    const result = validate(privacyChecklistInput, { companyId, answers });
    if (!result.ok) return show({ _form: [t("unreadable")] });
    show({});
    save.mutate(result.data);
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t("form")} className="space-y-6">
      <section aria-label={t("rating")} className="rounded-lg border border-border p-4">
        <p className="text-sm font-medium">
          {rating.grade === "unknown"
            ? t("tooFew", { answered: rating.answered, total: rating.total })
            : t("score", { score: rating.score, answered: rating.answered, total: rating.total })}
        </p>
        {rating.reasons.length > 0 && (
          <ul className="mt-2 space-y-1 text-sm" aria-label={t("why")}>
            {rating.reasons.map((reason) => (
              <li key={reason.questionId} className="flex items-start gap-2">
                {reason.effect === "raised" ? (
                  <ArrowUp
                    aria-label={t("raised")}
                    className="mt-0.5 size-4 shrink-0 text-success"
                  />
                ) : reason.effect === "lowered" ? (
                  <ArrowDown
                    aria-label={t("lowered")}
                    className="mt-0.5 size-4 shrink-0 text-danger"
                  />
                ) : (
                  <CircleHelp
                    aria-label={t("unknown")}
                    className="mt-0.5 size-4 shrink-0 text-muted-foreground"
                  />
                )}
                <span>{reason.text}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ol className="space-y-5">
        {privacyChecklistQuestions.map((question, index) => {
          const row = rows[question.id];
          const fieldError = (field: string) => error(fieldKey(question.id, field));
          const noteId = `privacy-${question.id}-note`;
          const sourceId = `privacy-${question.id}-source`;
          return (
            <li key={question.id} className="space-y-2 border-b border-border pb-5 last:border-0">
              <fieldset>
                <legend className="font-medium">
                  {index + 1}. {question.text}
                </legend>
                <p className="text-sm text-muted-foreground">{question.help}</p>
                <div className="mt-2 flex flex-wrap gap-2">
                  {privacyAnswerValues.map((value) => (
                    <label
                      key={value}
                      className="flex cursor-pointer items-center gap-2 rounded-md border border-border px-3 py-1.5 text-sm has-checked:border-primary has-checked:bg-primary/5"
                    >
                      <input
                        type="radio"
                        name={`privacy-${question.id}`}
                        value={value}
                        checked={row?.answer === value}
                        onChange={() => update(question.id, { answer: value })}
                        className="accent-[var(--color-primary)]"
                      />
                      {t(value)}
                    </label>
                  ))}
                  {row?.answer && (
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      onClick={() => update(question.id, { answer: undefined })}
                    >
                      {t("clear")}
                    </Button>
                  )}
                </div>
              </fieldset>
              {row?.answer && (
                <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
                  <Field label={t("note")} htmlFor={noteId} error={fieldError("note")}>
                    <Textarea
                      id={noteId}
                      rows={2}
                      value={row.note}
                      maxLength={answerLimits.note}
                      onChange={(e) => update(question.id, { note: e.target.value })}
                      {...fieldAria(noteId, fieldError("note"))}
                    />
                  </Field>
                  <Field label={t("source")} htmlFor={sourceId} error={fieldError("sourceUrl")}>
                    <Input
                      id={sourceId}
                      type="url"
                      placeholder={t("sourcePlaceholder")}
                      value={row.sourceUrl}
                      maxLength={answerLimits.sourceUrl}
                      onChange={(e) => update(question.id, { sourceUrl: e.target.value })}
                      {...fieldAria(sourceId, fieldError("sourceUrl"))}
                    />
                  </Field>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {save.isSuccess && Object.keys(errors).length === 0 && (
        <Alert variant="success">{t("saved")}</Alert>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" loading={save.isPending}>
          {t("save")}
        </Button>
        <FormErrorSummary errors={errors} fieldName={questionNumber} />
      </div>
    </form>
  );
}
