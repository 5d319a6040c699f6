"use client";

import { contactTimeInput } from "@caseward/core/schemas";
import { Button, Field, fieldAria, Input } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { FormErrorSummary } from "~/components/form-error-summary";
import { useFormErrors, validate } from "~/lib/form";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

/**
 * Corrects when a contact happened; the deadline it started moves with it. Loaded when its
 * `<details>` on the timeline is first opened (contact-time-editor.tsx).
 */
export function ContactTimeForm({ contactId, startedAt }: { contactId: string; startedAt: Date }) {
  const t = useTranslations("ContactForm");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const clock = useClock();
  // Shown and read on the user's clock, whatever zone the browser is in.
  const [value, setValue] = useState(() => clock.toInput(startedAt));
  const { formRef, errors, error, show, showServerError, recheck } = useFormErrors();
  const save = useMutation(
    trpc.contact.updateTime.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
      onError: showServerError,
    }),
  );
  const id = `contact-time-${contactId}`;
  const values = (input: string) => ({ contactId, startedAt: clock.fromInput(input) });
  return (
    <form
      ref={formRef}
      noValidate
      aria-label={t("changeTime")}
      className="mt-2 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        const checked = validate(contactTimeInput, values(value));
        if (!checked.ok) return show(checked.errors);
        show({});
        save.mutate(checked.data);
      }}
    >
      <Field
        label={clock.inputZone ? t("startedAtInZone", { zone: clock.inputZone }) : t("startedAt")}
        htmlFor={id}
        error={error("startedAt")}
      >
        <Input
          id={id}
          type="datetime-local"
          value={value}
          onChange={(e) => {
            const next = e.target.value;
            setValue(next);
            recheck(contactTimeInput, () => values(next));
          }}
          className="w-auto"
          {...fieldAria(id, error("startedAt"))}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" variant="secondary" loading={save.isPending}>
          {t("saveTime")}
        </Button>
        <FormErrorSummary errors={errors} />
      </div>
    </form>
  );
}
