"use client";

import { openCaseInput } from "@caseward/core/schemas";
import {
  Button,
  Dialog,
  DialogContent,
  DialogFooter,
  DialogTrigger,
  Field,
  fieldAria,
  NativeSelect,
} from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { FormErrorSummary } from "~/components/form-error-summary";
import { firstError, formValues, useFormErrors, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";
import { CaseFields } from "~/components/case-fields";

export function OpenCaseDialog({
  companies,
  companyId,
}: {
  companies: { id: string; name: string }[];
  companyId?: string;
}) {
  const t = useTranslations("CaseDialogs");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { formRef, errors, show: setErrors, showServerError, recheck } = useFormErrors();
  const openCase = useMutation(
    trpc.case.open.mutationOptions({
      onSuccess: async (created) => {
        // A case changes the dashboard, the company page and the case itself.
        await queryClient.invalidateQueries();
        setOpen(false);
        router.push(`/cases/${created.id}`);
      },
      onError: showServerError,
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(openCaseInput, formValues(event.currentTarget));
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    openCase.mutate(result.data);
  }

  const error = (field: string) => firstError(errors, field);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setErrors({});
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden className="size-4" /> {t("openCase")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("openCase")} description={t("openCaseDescription")}>
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
      </DialogContent>
    </Dialog>
  );
}
