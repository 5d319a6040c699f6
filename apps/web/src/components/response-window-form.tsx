"use client";

import { Button, Field, fieldAria, Input } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { FormErrorSummary } from "~/components/form-error-summary";
import { useChecksOnUse, useFormErrors } from "~/lib/form-errors";
import { useTRPC } from "~/trpc/react";

const loadChecks = () => import("./case-page-checks");

/** How long the company gets to answer on this case, in business days (empty: the default). */
export function ResponseWindowForm({ caseId, days }: { caseId: string; days: number | null }) {
  const t = useTranslations("ResponseWindow");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(days === null ? "" : String(days));
  const { formRef, errors, error, show, showServerError, recheck } = useFormErrors();
  const checks = useChecksOnUse(loadChecks);
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
      aria-label={t("formLabel")}
      className="space-y-2 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const input = values(value);
        // The schema (and zod) come with the first submit, not with the page.
        checks.load().then((loaded) => {
          const result = loaded.validate(loaded.caseWindowInput, input);
          if (!result.ok) return show(result.errors);
          show({});
          save.mutate(result.data);
        }, showServerError);
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <Field
          label={t("label")}
          htmlFor={id}
          error={error("responseWindowDays")}
          className="[&>label]:font-normal [&>label]:text-muted-foreground"
        >
          {/* The width on a wrapper, not the input: `w-40` over the input's own `w-full` would
              make `cn` build tailwind-merge's map while the case page hydrates. */}
          <div className="w-40">
            <Input
              id={id}
              type="number"
              inputMode="decimal"
              min={0.5}
              max={30}
              step={0.5}
              value={value}
              placeholder={t("placeholder")}
              onChange={(e) => {
                const next = e.target.value;
                setValue(next);
                recheck(checks.loaded.current?.caseWindowInput, () => values(next));
              }}
              {...fieldAria(id, error("responseWindowDays"))}
            />
          </div>
        </Field>
        <Button type="submit" size="sm" variant="ghost" loading={save.isPending}>
          {t("set")}
        </Button>
      </div>
      <FormErrorSummary errors={errors} />
    </form>
  );
}
