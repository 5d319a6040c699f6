"use client";

import { companyInput } from "@caseward/core/schemas";
import { Alert, Button, Field, fieldAria, Input } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import type { FieldErrors } from "~/lib/form";
import { errorsFromServer, firstError, formValues, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

export function CompanyForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.company.create.mutationOptions({
      onSuccess: async (company) => {
        await queryClient.invalidateQueries({ queryKey: trpc.company.pathKey() });
        router.push(`/companies/${company.id}`);
      },
      onError: (error) => setErrors(errorsFromServer(error)),
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(companyInput, formValues(event.currentTarget));
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    create.mutate(result.data);
  }

  const error = (field: string) => firstError(errors, field);
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 sm:grid-cols-[1fr_1fr_8rem_auto] sm:items-start"
    >
      {errors._form && (
        <Alert variant="danger" className="sm:col-span-4">
          {errors._form[0]}
        </Alert>
      )}
      <Field label="Company name" htmlFor="company-name" error={error("name")}>
        <Input
          id="company-name"
          name="name"
          placeholder="Royal Bank of Canada"
          {...fieldAria("company-name", error("name"))}
        />
      </Field>
      <Field
        label="Official website"
        htmlFor="company-website"
        error={error("website")}
        hint="Type it yourself; do not copy it from an email."
      >
        <Input
          id="company-website"
          name="website"
          inputMode="url"
          placeholder="rbc.com"
          {...fieldAria("company-website", error("website"))}
        />
      </Field>
      <Field
        label="Country"
        htmlFor="company-country"
        error={error("country")}
        hint="For phone numbers."
      >
        <Input
          id="company-country"
          name="country"
          maxLength={2}
          placeholder="CA"
          className="uppercase"
          {...fieldAria("company-country", error("country"))}
        />
      </Field>
      <Button type="submit" className="sm:mt-6" loading={create.isPending}>
        Add company
      </Button>
    </form>
  );
}
