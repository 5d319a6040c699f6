"use client";

import { complaintBodyInput, maxLengthOf } from "@caseward/core/schemas";
import { Alert, Button, Field, fieldAria, Input } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";

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
      aria-label="Complaint body"
      className="space-y-3"
    >
      {save.isSuccess && (
        <Alert variant="success">Saved. The clock starts at your first contact.</Alert>
      )}
      <Field
        label="Ombudsman or regulator"
        htmlFor="complaint-body"
        error={error("complaintBody")}
        hint={
          <>
            The independent body that takes a complaint this company did not settle, free of charge.
            In Canada: the{" "}
            <abbr title="Commission for Complaints for Telecom-television Services">CCTS</abbr> for
            phone, internet and TV;{" "}
            <abbr title="Ombudsman for Banking Services and Investments">OBSI</abbr> for banks and
            investments. In the UK: the Financial Ombudsman Service. Go to it once the
            company&rsquo;s own complaint process is over or has run out of time.
          </>
        }
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
        label="Accepts a complaint after (days)"
        htmlFor="complaint-days"
        error={error("complaintAfterDays")}
        hint="How long the company has to answer your complaint first: 56 days for a Canadian bank before OBSI, 8 weeks for a UK firm. The body's website says."
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
        Save
      </Button>
    </form>
  );
}
