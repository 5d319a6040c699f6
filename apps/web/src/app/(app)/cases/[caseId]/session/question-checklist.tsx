"use client";

import { Alert, Checkbox, Label, Textarea } from "@caseward/ui";
import { memo, Suspense } from "react";

import type { QuestionAnswers } from "./session-draft";

import { useTranslations } from "~/i18n/translations";

interface OpenQuestion {
  id: string;
  text: string;
  tier: "need" | "nice";
  answer: string | null;
}

/**
 * The case's open questions, "need" first: tick each one answered and write the answer.
 * Memoised in a Suspense boundary: it keeps its server HTML and hydrates after the session's
 * first half, at low priority, unless the answers change first.
 */
export const QuestionChecklist = memo(function QuestionChecklist({
  questions,
  answers,
  onChange,
  error,
}: {
  questions: OpenQuestion[];
  answers: QuestionAnswers;
  onChange: (answers: QuestionAnswers) => void;
  error?: string;
}) {
  const t = useTranslations("ContactSession");
  const words = useTranslations("Vocabulary");
  const open = questions.filter((q) => !q.answer);
  const update = (id: string, patch: Partial<{ checked: boolean; answer: string }>) =>
    onChange({ ...answers, [id]: { checked: false, answer: "", ...answers[id], ...patch } });

  return (
    <Suspense>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">{t("questionsToAsk")}</legend>
        {error && <Alert variant="danger">{error}</Alert>}
        {open.length === 0 && (
          <p className="text-sm text-muted-foreground">{t("noOpenQuestions")}</p>
        )}
        {(["need", "nice"] as const).map((tier) => {
          const list = open.filter((q) => q.tier === tier);
          if (list.length === 0) return null;
          return (
            <div key={tier} className="space-y-2">
              <h2 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
                {words(`questionTier.${tier}`)}
              </h2>
              <ol
                aria-label={t("tierQuestions", { tier: words(`questionTier.${tier}`) })}
                className="space-y-2"
              >
                {list.map((question, index) => {
                  const state = answers[question.id];
                  const id = `session-q-${question.id}`;
                  return (
                    <li
                      key={question.id}
                      className="space-y-2 rounded-md border border-border p-2.5"
                    >
                      <div className="flex items-start gap-2">
                        <Checkbox
                          id={id}
                          checked={state?.checked ?? false}
                          onChange={(e) => update(question.id, { checked: e.target.checked })}
                        />
                        <Label htmlFor={id} className="font-normal">
                          <span className="mr-1 font-semibold tabular-nums">{index + 1}.</span>
                          {question.text}
                        </Label>
                      </div>
                      {state?.checked && (
                        <Textarea
                          aria-label={t("answerTo", { question: question.text })}
                          rows={2}
                          value={state.answer}
                          placeholder={t("answerPlaceholder")}
                          onChange={(e) => update(question.id, { answer: e.target.value })}
                        />
                      )}
                    </li>
                  );
                })}
              </ol>
            </div>
          );
        })}
      </fieldset>
    </Suspense>
  );
});
