"use client";

import type { RedFlagKind } from "@caseward/core/schemas";
import { redFlagDetailsIn, redFlagInput, redFlagKinds } from "@caseward/core/schemas";
import { Alert, Button, Field, fieldAria, NativeSelect } from "@caseward/ui";
import { useMutation } from "@tanstack/react-query";
import { useLocale } from "next-intl";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import type { DisclosureContext } from "~/components/disclosure-form";
import { DisclosureForm } from "~/components/disclosure-form";
import { FormErrorSummary } from "~/components/form-error-summary";
import { useFormErrors, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

/**
 * Recording a warning sign or a disclosure after the fact, under a contact of the timeline:
 * loaded when its `<details>` is first opened (or pointed at), not with the page.
 */
export function ContactPrivacyForm({
  contactId,
  context,
  marked,
  onChange,
}: {
  contactId: string;
  context: DisclosureContext;
  /** The warning signs the contact already has: not offered again. */
  marked: RedFlagKind[];
  onChange: () => void;
}) {
  const t = useTranslations("Disclosures");
  const details = redFlagDetailsIn(useLocale());
  const trpc = useTRPC();
  const [flag, setFlag] = useState<"" | RedFlagKind>("");
  const marking = useFormErrors<HTMLDivElement>();
  const mark = useMutation(
    trpc.privacy.markRedFlag.mutationOptions({
      onSuccess: () => {
        setFlag("");
        onChange();
      },
      onError: marking.showServerError,
    }),
  );
  const flagId = `red-flag-${contactId}`;
  const add = useMutation(trpc.privacy.addDisclosure.mutationOptions({ onSuccess: onChange }));
  const unmarked = redFlagKinds.filter((k) => !marked.includes(k));

  return (
    <div className="mt-3 space-y-4">
      <div ref={marking.formRef} className="space-y-2">
        <div className="flex flex-wrap items-end gap-2">
          <Field label={t("warningSign")} htmlFor={flagId} error={marking.error("kind")}>
            <NativeSelect
              id={flagId}
              value={flag}
              onChange={(e) => {
                const next = e.target.value as RedFlagKind | "";
                setFlag(next);
                marking.recheck(redFlagInput, () => ({ contactId, kind: next || undefined }));
              }}
              {...fieldAria(flagId, marking.error("kind"))}
            >
              <option value="">{t("choose")}</option>
              {unmarked.map((k) => (
                <option key={k} value={k}>
                  {details[k].title}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Button
            type="button"
            variant="secondary"
            loading={mark.isPending}
            onClick={() => {
              const result = validate(redFlagInput, { contactId, kind: flag || undefined });
              if (!result.ok) return marking.show(result.errors);
              marking.show({});
              mark.mutate(result.data);
            }}
          >
            {t("mark")}
          </Button>
        </div>
        <FormErrorSummary errors={marking.errors} />
      </div>
      {flag && (
        <Alert variant="danger" title={details[flag].title}>
          <p>{details[flag].meaning}</p>
          <p className="mt-1 font-medium">{t("whatToDo", { advice: details[flag].advice })}</p>
        </Alert>
      )}
      <DisclosureForm
        idPrefix={`disclosure-${contactId}`}
        context={context}
        pending={add.isPending}
        onAdd={(fields) => add.mutateAsync({ contactId, ...fields })}
      />
    </div>
  );
}
