"use client";

import type { QuestionTier } from "@caseward/core/schemas";
import {
  Alert,
  Badge,
  Button,
  Field,
  fieldAria,
  Input,
  NativeSelect,
  SortableList,
  Textarea,
} from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowDownUp, CircleCheck, Ellipsis, RotateCcw, Trash2 } from "lucide-react";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { trpcDelete, useDeleteWithUndo } from "~/lib/delete-with-undo";
import { MenuOnUse } from "~/components/menu-on-use";
import {
  firstError,
  formValues,
  serverMessage,
  useChecksOnUse,
  useFormErrors,
} from "~/lib/form-errors";
import { useTRPC } from "~/trpc/react";

export interface CaseQuestion {
  id: string;
  text: string;
  tier: QuestionTier;
  answer: string | null;
  /** When it was answered, written on the server on the user's clock (null if open). */
  answeredWhen: string | null;
  answeredInContactId: string | null;
}

/** Longest answer and question the server takes (from the schemas, read on the server). */
export interface QuestionLimits {
  answer: number | undefined;
  question: number | undefined;
}

const loadChecks = () => import("./case-page-checks");

/** The case's questions in two prioritised lists, "Need to know" and "Great to have". */
export function QuestionList({
  caseId,
  questions: all,
  limits,
}: {
  caseId: string;
  questions: CaseQuestion[];
  limits: QuestionLimits;
}) {
  const t = useTranslations("Questions");
  const words = useTranslations("Vocabulary");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [answering, setAnswering] = useState<string | null>(null);
  const reload = () =>
    queryClient.invalidateQueries({ queryKey: trpc.case.byId.queryKey({ caseId }) });
  const refresh = {
    onSuccess: reload,
    onError: (e: unknown) => setError(serverMessage(e)),
    onMutate: () => setError(null),
  };
  const reorder = useMutation(trpc.question.reorder.mutationOptions(refresh));
  const update = useMutation(trpc.question.update.mutationOptions(refresh));
  const reopen = useMutation(trpc.question.reopen.mutationOptions(refresh));
  const deletes = useDeleteWithUndo();
  // A question deleted on screen is gone from the lists while its undo toast shows.
  const questions = all.filter((q) => !deletes.isPending(q.id));

  const byTier = (tier: QuestionTier) => questions.filter((q) => q.tier === tier);
  function onReorder(tier: QuestionTier, orderedIds: string[]) {
    const other = byTier(tier === "need" ? "nice" : "need").map((q) => q.id);
    // The server wants every question once: those waiting to be deleted keep the end.
    const waiting = all.filter((q) => deletes.isPending(q.id)).map((q) => q.id);
    reorder.mutate({
      caseId,
      questionIds: [
        ...(tier === "need" ? [...orderedIds, ...other] : [...other, ...orderedIds]),
        ...waiting,
      ],
    });
  }

  return (
    <div className="space-y-5">
      {error && <Alert variant="danger">{error}</Alert>}
      {questions.length === 0 && <p className="text-sm text-muted-foreground">{t("empty")}</p>}
      {(["need", "nice"] as const).map((tier) => {
        const list = byTier(tier);
        if (list.length === 0) return null;
        return (
          <section
            key={tier}
            aria-label={t("tierQuestions", { tier: words(`questionTier.${tier}`) })}
            className="space-y-2"
          >
            <h3 className="text-sm font-semibold text-muted-foreground">
              {words(`questionTier.${tier}`)}
            </h3>
            <SortableList
              aria-label={t("tierQuestions", { tier: words(`questionTier.${tier}`) })}
              className="space-y-2"
              items={list}
              getId={(q) => q.id}
              getLabel={(q) => q.text}
              onReorder={(ids) => onReorder(tier, ids)}
              renderItem={(question, index, handle) => (
                <div className="flex gap-2 rounded-lg border border-border bg-card p-2.5">
                  {handle}
                  <div className="min-w-0 flex-1 space-y-1">
                    <p className="flex gap-2 text-sm">
                      <span className="font-semibold text-muted-foreground tabular-nums">
                        {index + 1}.
                      </span>
                      <span
                        className={
                          question.answer ? "text-muted-foreground line-through decoration-1" : ""
                        }
                      >
                        {question.text}
                      </span>
                    </p>
                    {question.answer && (
                      <p className="flex items-start gap-1.5 text-sm">
                        <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-success" />
                        <span>
                          <span className="sr-only">{t("answered")}</span>
                          {question.answer}
                          {question.answeredWhen && (
                            <span className="block text-xs text-muted-foreground">
                              {t(question.answeredInContactId ? "duringContact" : "noted", {
                                when: question.answeredWhen,
                              })}
                            </span>
                          )}
                        </span>
                      </p>
                    )}
                    {answering === question.id && (
                      <AnswerForm
                        questionId={question.id}
                        maxLength={limits.answer}
                        onDone={() => setAnswering(null)}
                        caseId={caseId}
                      />
                    )}
                  </div>
                  <MenuOnUse
                    label={t("actionsFor", { question: question.text })}
                    icon={<Ellipsis aria-hidden className="size-4" />}
                    entries={[
                      question.answer
                        ? {
                            key: "reopen",
                            icon: <RotateCcw aria-hidden className="size-4" />,
                            label: t("reopen"),
                            onSelect: () => reopen.mutate({ questionId: question.id }),
                          }
                        : {
                            key: "answer",
                            icon: <CircleCheck aria-hidden className="size-4" />,
                            label: t("writeAnswer"),
                            onSelect: () => setAnswering(question.id),
                          },
                      {
                        key: "move",
                        icon: <ArrowDownUp aria-hidden className="size-4" />,
                        label: t("moveTo", {
                          tier: words(`questionTier.${tier === "need" ? "nice" : "need"}`),
                        }),
                        onSelect: () =>
                          update.mutate({
                            questionId: question.id,
                            tier: tier === "need" ? "nice" : "need",
                          }),
                      },
                      {
                        key: "delete",
                        icon: <Trash2 aria-hidden className="size-4" />,
                        label: t("delete"),
                        variant: "danger",
                        onSelect: () =>
                          deletes.remove({
                            id: question.id,
                            message: t("deleted"),
                            request: trpcDelete(trpc.question.delete, {
                              questionId: question.id,
                            }),
                            refresh: reload,
                          }),
                      },
                    ]}
                  />
                </div>
              )}
            />
          </section>
        );
      })}
      <AddQuestionForm caseId={caseId} maxLength={limits.question} />
      {questions.some((q) => !q.answer && q.tier === "need") && (
        <Badge variant="warning">
          {t("needOpen", {
            count: questions.filter((q) => !q.answer && q.tier === "need").length,
          })}
        </Badge>
      )}
    </div>
  );
}

function AnswerForm({
  questionId,
  caseId,
  maxLength,
  onDone,
}: {
  questionId: string;
  caseId: string;
  maxLength: number | undefined;
  onDone: () => void;
}) {
  const t = useTranslations("Questions");
  const common = useTranslations("Common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();
  const answer = useMutation(
    trpc.question.answer.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.case.byId.queryKey({ caseId }) });
        onDone();
      },
      onError: (e) => setError(serverMessage(e, "answer")),
    }),
  );
  const id = `answer-${questionId}`;
  return (
    <form
      className="space-y-2 pt-1"
      onSubmit={(event) => {
        event.preventDefault();
        const text = new FormData(event.currentTarget).get("answer");
        answer.mutate({ questionId, answer: typeof text === "string" ? text : "" });
      }}
    >
      <Field label={t("answer")} htmlFor={id} error={error}>
        <Textarea
          id={id}
          name="answer"
          rows={2}
          autoFocus
          maxLength={maxLength}
          onChange={() => setError(undefined)}
          {...fieldAria(id, error)}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" loading={answer.isPending}>
          {t("saveAnswer")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          {common("cancel")}
        </Button>
      </div>
    </form>
  );
}

function AddQuestionForm({ caseId, maxLength }: { caseId: string; maxLength: number | undefined }) {
  const t = useTranslations("Questions");
  const words = useTranslations("Vocabulary");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { formRef, errors, show: setErrors, showServerError, recheck } = useFormErrors();
  const checks = useChecksOnUse(loadChecks);
  const add = useMutation(
    trpc.question.add.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.case.byId.queryKey({ caseId }) }),
      onError: showServerError,
    }),
  );
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = { ...formValues(form), caseId };
    // The schema (and zod) come with the first submit, not with the page.
    let loaded;
    try {
      loaded = await checks.load();
    } catch (error) {
      return showServerError(error);
    }
    const result = loaded.validate(loaded.addQuestionInput, values);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    add.mutate(result.data, {
      onSuccess: () => {
        form.reset();
        form.querySelector<HTMLInputElement>("input[name=text]")?.focus();
      },
    });
  }
  const error = firstError(errors, "text") ?? errors._form?.[0];
  return (
    // Laid out by the width of its card, not of the screen: the case page puts it in a narrow
    // column beside the timeline, where French labels need the stacked form.
    <div className="@container">
      <form
        ref={formRef}
        onSubmit={(event) => void onSubmit(event)}
        onChange={(event) => {
          const values = { ...formValues(event.currentTarget), caseId };
          recheck(checks.loaded.current?.addQuestionInput, () => values);
        }}
        noValidate
        aria-label={t("addLabel")}
        className="grid grid-cols-1 gap-2 @lg:grid-cols-[1fr_11rem_auto] @lg:items-start"
      >
        <Field label={t("newQuestion")} htmlFor="question-text" error={error}>
          <Input
            id="question-text"
            name="text"
            placeholder={t("placeholder")}
            autoComplete="off"
            maxLength={maxLength}
            {...fieldAria("question-text", error)}
          />
        </Field>
        <Field label={t("priority")} htmlFor="question-tier">
          <NativeSelect id="question-tier" name="tier" defaultValue="need">
            <option value="need">{words("questionTier.need")}</option>
            <option value="nice">{words("questionTier.nice")}</option>
          </NativeSelect>
        </Field>
        <Button type="submit" variant="secondary" className="@lg:mt-6" loading={add.isPending}>
          {t("add")}
        </Button>
      </form>
    </div>
  );
}
