"use client";

import { openCaseInput } from "@caseward/core/schemas";
import { Button, DialogFooter, Field, fieldAria, NativeSelect } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

import { useTranslations } from "~/i18n/translations";
import { CaseFields } from "~/components/case-fields";
import { FormErrorSummary } from "~/components/form-error-summary";
import { firstError, formValues, useFormErrors, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

/**
 * The new-case dialog's form (the schema it checks with, the case's fields): loaded when the
 * dialog is first wanted (open-case-dialog.tsx), not with the dashboard.
 */
export function OpenCaseForm({
  companies,
  companyId,
  onDone,
}: {
  companies: { id: string; name: string }[];
  companyId?: string;
  onDone: () => void;
}) {
  const t = useTranslations("CaseDialogs");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { formRef, errors, show: setErrors, showServerError, recheck } = useFormErrors();
  const openCase = useMutation(
    trpc.case.open.mutationOptions({
      onSuccess: async (created) => {
        // A case changes the dashboard, the company page and the case itself.
        await queryClient.invalidateQueries();
        onDone();
        router.push(`/cases/${created.id}`);
      },
      onError: showServerError,
    }),
  );
  // When the form came after the dialog opened, the focus goes to its first field all the same.
  useEffect(() => {
    const form = formRef.current;
    if (form && !form.contains(document.activeElement)) form.querySelector("select")?.focus();
  }, [formRef]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(openCaseInput, formValues(event.currentTarget));
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    openCase.mutate(result.data);
  }

  const error = (field: string) => firstError(errors, field);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={(event) => {
        const values = formValues(event.currentTarget);
        recheck(openCaseInput, () => values);
      }}
      noValidate
      className="space-y-4"
    >
      <Field label={t("company")} htmlFor="case-company" error={error("companyId")}>
        <NativeSelect
          id="case-company"
          name="companyId"
          defaultValue={companyId ?? ""}
          {...fieldAria("case-company", error("companyId"))}
        >
          <option value="" disabled>
            {t("chooseCompany")}
          </option>
          {companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <CaseFields idPrefix="case" error={error} />
      <FormErrorSummary errors={errors} />
      <DialogFooter>
        <Button type="submit" loading={openCase.isPending}>
          {t("openCaseSubmit")}
        </Button>
      </DialogFooter>
    </form>
  );
}
