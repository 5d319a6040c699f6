"use client";

import { breachInput, maxLengthsOf } from "@caseward/core/schemas";
import { Button, Field, fieldAria, Input, Textarea, useUndo } from "@caseward/ui";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";

import { useTranslations } from "~/i18n/translations";
import { FormErrorSummary } from "~/components/form-error-summary";
import { formValues, useFormErrors, validate } from "~/lib/form";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

const breachLimits = maxLengthsOf(breachInput);

/** Breaches reported for a company, and the form to report one. */
export function BreachSection({ companyId }: { companyId: string }) {
  const t = useTranslations("Breaches");
  const clock = useClock();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: all } = useSuspenseQuery(trpc.privacy.breaches.queryOptions({ companyId }));
  // A report deleted on its page stays hidden here while its undo toast shows.
  const { isPending } = useUndo();
  const breaches = all.filter((b) => !isPending(b.id));
  const { formRef, errors, error, show: setErrors, showServerError, recheckForm } = useFormErrors();
  const report = useMutation(
    trpc.privacy.reportBreach.mutationOptions({
      onSuccess: async (breach) => {
        await queryClient.invalidateQueries();
        router.push(`/companies/${companyId}/breaches/${breach.id}`);
      },
      onError: showServerError,
    }),
  );
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(breachInput, { ...formValues(event.currentTarget), companyId });
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    report.mutate(result.data);
  }
  return (
    <div className="space-y-4">
      {breaches.length > 0 && (
        <ul className="divide-y divide-border text-sm">
          {breaches.map((b) => (
            <li key={b.id} className="py-2">
              <Link
                href={`/companies/${companyId}/breaches/${b.id}`}
                className="font-medium hover:underline"
              >
                {t("breachOf", { date: clock.day(b.occurredOn) })}
              </Link>
              <span className="block text-muted-foreground">{b.source}</span>
            </li>
          ))}
        </ul>
      )}
      <form
        ref={formRef}
        onSubmit={onSubmit}
        onChange={recheckForm(breachInput, { companyId })}
        noValidate
        aria-label={t("form")}
        className="space-y-3"
      >
        <Field label={t("date")} htmlFor="breach-date" error={error("occurredOn")}>
          <Input
            id="breach-date"
            name="occurredOn"
            type="date"
            {...fieldAria("breach-date", error("occurredOn"), true)}
          />
        </Field>
        <Field
          label={t("source")}
          htmlFor="breach-source"
          error={error("source")}
          hint={t("sourceHint")}
        >
          <Input
            id="breach-source"
            name="source"
            maxLength={breachLimits.source}
            {...fieldAria("breach-source", error("source"), true)}
          />
        </Field>
        <Field label={t("note")} htmlFor="breach-note" error={error("note")}>
          <Textarea
            id="breach-note"
            name="note"
            rows={2}
            maxLength={breachLimits.note}
            {...fieldAria("breach-note", error("note"))}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" loading={report.isPending}>
            {t("submit")}
          </Button>
          <FormErrorSummary errors={errors} />
        </div>
      </form>
    </div>
  );
}
