"use client";

import { complaintBodyInput, maxLengthOf } from "@caseward/core/schemas";
import { Alert, Button, Field, fieldAria, Input } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";

import { useTranslations } from "~/i18n/translations";
import { FormErrorSummary } from "~/components/form-error-summary";
import { firstError, formValues, useFormErrors, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

/** Who takes complaints about the company, and after how many days: starts the regulator clock. */
export function ComplaintBodyForm({
  companyId,
  complaintBody,
  complaintAfterDays,
}: {
  companyId: string;
  complaintBody: string | null;
  complaintAfterDays: number | null;
}) {
  const t = useTranslations("ComplaintBody");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { formRef, errors, show: setErrors, showServerError, recheck } = useFormErrors();
  const save = useMutation(
    trpc.company.setComplaintBody.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
      onError: showServerError,
    }),
  );
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(complaintBodyInput, { ...formValues(event.currentTarget), companyId });
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    save.mutate(result.data);
  }
  const error = (field: string) => firstError(errors, field);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={(event) => {
        const values = { ...formValues(event.currentTarget), companyId };
        recheck(complaintBodyInput, () => values);
      }}
      noValidate
      aria-label={t("label")}
      className="space-y-3"
    >
      {save.isSuccess && <Alert variant="success">{t("saved")}</Alert>}
      <Field
        label={t("body")}
        htmlFor="complaint-body"
        error={error("complaintBody")}
        hint={t.rich("bodyHint", {
          ccts: (chunks) => <abbr title={t("cctsName")}>{chunks}</abbr>,
          obsi: (chunks) => <abbr title={t("obsiName")}>{chunks}</abbr>,
        })}
      >
        <Input
          id="complaint-body"
          name="complaintBody"
          maxLength={maxLengthOf(complaintBodyInput.shape.complaintBody)}
          defaultValue={complaintBody ?? ""}
          {...fieldAria("complaint-body", error("complaintBody"), true)}
        />
      </Field>
      <Field
        label={t("afterDays")}
        htmlFor="complaint-days"
        error={error("complaintAfterDays")}
        hint={t("afterDaysHint")}
      >
        <Input
          id="complaint-days"
          name="complaintAfterDays"
          type="number"
          min={0}
          max={730}
          defaultValue={complaintAfterDays ?? ""}
          {...fieldAria("complaint-days", error("complaintAfterDays"), true)}
        />
      </Field>
      <FormErrorSummary errors={errors} />
      <Button type="submit" variant="secondary" loading={save.isPending}>
        {t("save")}
      </Button>
    </form>
  );
}
