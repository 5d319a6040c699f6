"use client";

import type { DisclosureKind } from "@caseward/core/schemas";
import {
  disclosureKinds,
  secretDisclosureKinds,
  willingToShareInput,
} from "@caseward/core/schemas";
import { Alert, Button, Checkbox, FieldError, fieldAria, Label } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { FormErrorSummary } from "~/components/form-error-summary";
import { useFormErrors, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

const offerable = disclosureKinds.filter(
  (kind) => !(secretDisclosureKinds as readonly DisclosureKind[]).includes(kind),
);

/** The kinds of personal data the user decided to give this company at most. */
export function WillingToShareForm({
  companyId,
  kinds,
}: {
  companyId: string;
  kinds: DisclosureKind[] | null;
}) {
  const t = useTranslations("Privacy.willing");
  const kindLabel = useTranslations("Vocabulary.disclosureKind");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<Set<DisclosureKind>>(() => new Set(kinds ?? []));
  const { formRef, errors, error, show, showServerError, recheck } = useFormErrors();
  const save = useMutation(
    trpc.privacy.setWillingToShare.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
      onError: showServerError,
    }),
  );
  function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = validate(willingToShareInput, { companyId, kinds: [...picked] });
    if (!result.ok) return show(result.errors);
    show({});
    save.mutate(result.data);
  }
  const kindsError = error("kinds");
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t("form")} className="space-y-3">
      {kinds === null && <p className="text-sm text-muted-foreground">{t("undecided")}</p>}
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {offerable.map((kind) => (
          <div key={kind} className="flex items-center gap-2">
            <Checkbox
              id={`willing-${kind}`}
              checked={picked.has(kind)}
              onChange={(e) => {
                const next = new Set(picked);
                if (e.target.checked) next.add(kind);
                else next.delete(kind);
                setPicked(next);
                recheck(willingToShareInput, () => ({ companyId, kinds: [...next] }));
              }}
              {...fieldAria("willing-kinds", kindsError)}
            />
            <Label htmlFor={`willing-${kind}`} className="font-normal">
              {kindLabel(kind)}
            </Label>
          </div>
        ))}
      </div>
      <p className="text-xs text-muted-foreground">{t("neverNeeded")}</p>
      {kindsError && <FieldError id="willing-kinds-error">{kindsError}</FieldError>}
      {save.isSuccess && Object.keys(errors).length === 0 && (
        <Alert variant="success">{t("saved")}</Alert>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" loading={save.isPending}>
          {t("save")}
        </Button>
        <FormErrorSummary errors={errors} />
      </div>
    </form>
  );
}
