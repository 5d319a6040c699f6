"use client";

import type { TimerKind } from "@caseward/core/schemas";
import { caseWindowInput, deadlineLabels } from "@caseward/core/schemas";
import type { Countdown } from "@caseward/core/time";
import { Button, Field, fieldAria, Input } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarClock } from "lucide-react";
import { useState } from "react";

import { FormErrorSummary } from "~/components/form-error-summary";
import { useFormErrors, validate } from "~/lib/form";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

interface Deadline {
  id: string;
  kind: TimerKind;
  dueAt: Date;
  countdown: Countdown;
}

/**
 * The case's pending deadlines, counted in business time, and how long the company gets on this
 * case (what to do about them is on the status line).
 */
export function CaseDeadlines({
  caseId,
  deadlines,
  responseWindowDays,
}: {
  caseId: string;
  responseWindowDays: number | null;
  deadlines: Deadline[];
}) {
  const clock = useClock();
  return (
    <section aria-label="Deadlines" className="space-y-3">
      {deadlines.length > 0 && (
        <ul className="space-y-2">
          {deadlines.map((deadline) => (
            <li
              key={deadline.id}
              className="flex items-start gap-3 rounded-lg border border-border bg-card p-3 text-sm"
            >
              <CalendarClock aria-hidden className="mt-0.5 size-4 shrink-0 text-primary" />
              <div>
                <p className="font-medium">{deadlineLabels[deadline.kind]}</p>
                <p
                  className={
                    deadline.countdown.passed && deadline.countdown.measure === "business"
                      ? "text-danger"
                      : "text-muted-foreground"
                  }
                >
                  <time dateTime={deadline.dueAt.toISOString()}>
                    {clock.countdown(deadline.countdown)}
                  </time>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ResponseWindowForm caseId={caseId} days={responseWindowDays} />
    </section>
  );
}

function ResponseWindowForm({ caseId, days }: { caseId: string; days: number | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(days === null ? "" : String(days));
  const { formRef, errors, error, show, showServerError, recheck } = useFormErrors();
  const save = useMutation(
    trpc.case.setResponseWindow.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
      onError: showServerError,
    }),
  );
  // Empty goes back to the user's default.
  const values = (input: string) => ({
    caseId,
    responseWindowDays: input.trim() === "" ? null : input,
  });
  const id = `response-window-${caseId}`;
  return (
    <form
      ref={formRef}
      noValidate
      aria-label="Response window on this case"
      className="space-y-2 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const result = validate(caseWindowInput, values(value));
        if (!result.ok) return show(result.errors);
        show({});
        save.mutate(result.data);
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <Field
          label="On this case, expect an answer within (business days)"
          htmlFor={id}
          error={error("responseWindowDays")}
          className="[&>label]:font-normal [&>label]:text-muted-foreground"
        >
          <Input
            id={id}
            type="number"
            inputMode="decimal"
            min={0.5}
            max={30}
            step={0.5}
            value={value}
            placeholder="Your default"
            onChange={(e) => {
              const next = e.target.value;
              setValue(next);
              recheck(caseWindowInput, () => values(next));
            }}
            className="w-40"
            {...fieldAria(id, error("responseWindowDays"))}
          />
        </Field>
        <Button type="submit" size="sm" variant="ghost" loading={save.isPending}>
          Set
        </Button>
      </div>
      <FormErrorSummary errors={errors} />
    </form>
  );
}
