"use client";

import type { PrivacyAnswerValue } from "@caseward/core/schemas";
import {
  privacyAnswerInput,
  privacyAnswerValues,
  privacyChecklistInput,
  privacyChecklistQuestions,
  ratePrivacy,
} from "@caseward/core/schemas";
import { Alert, Button, Field, fieldAria, Input, Textarea } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, CircleHelp } from "lucide-react";
import { useState } from "react";

import type { FieldErrors } from "~/lib/form";
import { errorsFromServer, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

interface Row {
  answer?: PrivacyAnswerValue;
  note: string;
  sourceUrl: string;
}

const answerLabels: Record<PrivacyAnswerValue, string> = {
  yes: "Yes",
  no: "No",
  unsure: "Not sure",
};

const blank = (value: string) => (value.trim() === "" ? undefined : value);

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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(
      Object.entries(saved).map(([id, a]) => [
        id,
        { answer: a.answer, note: a.note ?? "", sourceUrl: a.sourceUrl ?? "" },
      ]),
    ),
  );
  const [errors, setErrors] = useState<Record<string, FieldErrors>>({});
  const [formError, setFormError] = useState<string>();
  const save = useMutation(
    trpc.privacy.saveChecklist.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
      onError: (error) => setFormError(errorsFromServer(error)._form?.[0] ?? "Not saved."),
    }),
  );
  const update = (id: string, patch: Partial<Row>) =>
    setRows((current) => ({
      ...current,
      [id]: { note: "", sourceUrl: "", ...current[id], ...patch },
    }));

  const answers = Object.fromEntries(
    Object.entries(rows).flatMap(([id, row]) =>
      row.answer
        ? [[id, { answer: row.answer, note: blank(row.note), sourceUrl: blank(row.sourceUrl) }]]
        : [],
    ),
  );
  const rating = ratePrivacy(answers);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const found: Record<string, FieldErrors> = {};
    for (const [id, answer] of Object.entries(answers)) {
      const result = validate(privacyAnswerInput, answer);
      if (!result.ok) found[id] = result.errors;
    }
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length > 0) {
      return setFormError("Some answers need fixing: see the messages below.");
    }
    const result = validate(privacyChecklistInput, { companyId, answers });
    if (!result.ok) return setFormError("Some answers need fixing.");
    save.mutate(result.data);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Privacy checklist" className="space-y-6">
      <section aria-label="Rating" className="rounded-lg border border-border p-4">
        <p className="text-sm font-medium">
          {rating.grade === "unknown"
            ? `Answer at least a third of the questions for a rating (${rating.answered} of ${rating.total} so far).`
            : `Score ${rating.score}/100 from ${rating.answered} of ${rating.total} answers.`}
        </p>
        {rating.reasons.length > 0 && (
          <ul className="mt-2 space-y-1 text-sm" aria-label="Why">
            {rating.reasons.map((reason) => (
              <li key={reason.questionId} className="flex items-start gap-2">
                {reason.effect === "raised" ? (
                  <ArrowUp aria-label="raised" className="mt-0.5 size-4 shrink-0 text-success" />
                ) : reason.effect === "lowered" ? (
                  <ArrowDown aria-label="lowered" className="mt-0.5 size-4 shrink-0 text-danger" />
                ) : (
                  <CircleHelp
                    aria-label="unknown"
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
          const error = (field: string) => errors[question.id]?.[field]?.[0];
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
                      {answerLabels[value]}
                    </label>
                  ))}
                  {row?.answer && (
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      onClick={() => update(question.id, { answer: undefined })}
                    >
                      Clear
                    </Button>
                  )}
                </div>
              </fieldset>
              {row?.answer && (
                <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
                  <Field label="Note" htmlFor={noteId} error={error("note")}>
                    <Textarea
                      id={noteId}
                      rows={2}
                      value={row.note}
                      onChange={(e) => update(question.id, { note: e.target.value })}
                      {...fieldAria(noteId, error("note"))}
                    />
                  </Field>
                  <Field label="Where you read it" htmlFor={sourceId} error={error("sourceUrl")}>
                    <Input
                      id={sourceId}
                      type="url"
                      placeholder="https://…"
                      value={row.sourceUrl}
                      onChange={(e) => update(question.id, { sourceUrl: e.target.value })}
                      {...fieldAria(sourceId, error("sourceUrl"))}
                    />
                  </Field>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {formError && <Alert variant="danger">{formError}</Alert>}
      {save.isSuccess && !formError && <Alert variant="success">Saved and marked reviewed.</Alert>}
      <Button type="submit" loading={save.isPending}>
        Save checklist
      </Button>
    </form>
  );
}
