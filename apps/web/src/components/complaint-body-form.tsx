"use client";

import { complaintBodyInput } from "@caseward/core/schemas";
import { Alert, Button, Field, fieldAria, Input } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import type { FieldErrors } from "~/lib/form";
import { errorsFromServer, firstError, formValues, validate } from "~/lib/form";
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
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation(
    trpc.company.setComplaintBody.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
      onError: (error) => setErrors(errorsFromServer(error)),
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
    <form onSubmit={onSubmit} noValidate aria-label="Complaint body" className="space-y-3">
      {errors._form && <Alert variant="danger">{errors._form[0]}</Alert>}
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
      <Button type="submit" variant="secondary" loading={save.isPending}>
        Save
      </Button>
    </form>
  );
}
