"use client";

import type { ChannelRecheck } from "@caseward/core";
import {
  companyInput,
  maxLengthsOf,
  provenances,
  updateCompanyInput,
} from "@caseward/core/schemas";
import { Alert, Button, DialogFooter, Field, fieldAria, Input, NativeSelect } from "@caseward/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { VocabularyOptions } from "~/components/vocabulary-options";
import type { FieldErrors } from "~/lib/form";
import { FormErrorSummary } from "~/components/form-error-summary";
import { firstError, formValues, useFormErrors, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

/** The text of a field once typing pauses (for a look-up that need not run on every key). */
export function useSettledText(text: string, pause = 400) {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), pause);
    return () => clearTimeout(timer);
  }, [text, pause]);
  return settled;
}

/**
 * "You already have RBC on rbc.com": the user's other companies on the domain of a website or
 * domain being typed, each linked. A second company for the same bank is usually a mistake.
 */
export function SameDomainWarning({ website, companyId }: { website: string; companyId?: string }) {
  const t = useTranslations("CompanyForm");
  const trpc = useTRPC();
  const settled = useSettledText(website.trim());
  const { data: matches = [] } = useQuery(
    trpc.company.sameDomain.queryOptions(
      { website: settled, companyId },
      { enabled: settled.includes(".") },
    ),
  );
  if (matches.length === 0) return null;
  return (
    <Alert variant="warning" title={t("sameDomainTitle", { domain: matches[0]!.domain })}>
      {t.rich("sameDomain", {
        count: matches.length,
        companies: () =>
          matches.map((match, index) => (
            <span key={match.id}>
              {index > 0 && ", "}
              <Link href={`/companies/${match.id}`}>{match.name}</Link>
            </span>
          )),
      })}
    </Alert>
  );
}

// The server's limits, read from its schema.
const companyLimits = maxLengthsOf(companyInput);

/** Name, website (with where it was found) and country: the same fields to add and to edit. */
function CompanyFields({
  idPrefix,
  errors,
  website,
  onWebsite,
  defaults,
}: {
  idPrefix: string;
  errors: FieldErrors;
  website: string;
  onWebsite: (website: string) => void;
  defaults?: { name: string; country: string | null };
}) {
  const t = useTranslations("CompanyForm");
  const id = (field: string) => `${idPrefix}-${field}`;
  const error = (field: string) => firstError(errors, field);
  return (
    <>
      <Field label={t("name")} htmlFor={id("name")} error={error("name")} hint={t("nameHint")}>
        <Input
          id={id("name")}
          name="name"
          maxLength={companyLimits.name}
          defaultValue={defaults?.name}
          placeholder={t("namePlaceholder")}
          {...fieldAria(id("name"), error("name"), true)}
        />
      </Field>
      <Field
        label={t("country")}
        htmlFor={id("country")}
        error={error("country")}
        hint={t("countryHint")}
      >
        <Input
          id={id("country")}
          name="country"
          maxLength={2}
          autoComplete="off"
          defaultValue={defaults?.country ?? ""}
          placeholder={t("countryPlaceholder")}
          className="uppercase"
          {...fieldAria(id("country"), error("country"), true)}
        />
      </Field>
      <Field
        label={t("website")}
        htmlFor={id("website")}
        error={error("website")}
        hint={t("websiteHint")}
      >
        <Input
          id={id("website")}
          name="website"
          inputMode="url"
          autoComplete="off"
          maxLength={companyLimits.website}
          placeholder={t("websitePlaceholder")}
          value={website}
          onChange={(event) => onWebsite(event.target.value)}
          {...fieldAria(id("website"), error("website"), true)}
        />
      </Field>
      {/* Editing: where each domain was found is said in the company's list of domains. */}
      {defaults === undefined && (
        <Field
          label={t("provenance")}
          htmlFor={id("provenance")}
          error={error("provenance")}
          hint={t("provenanceHint")}
        >
          <NativeSelect
            id={id("provenance")}
            name="provenance"
            defaultValue="other"
            {...fieldAria(id("provenance"), error("provenance"), true)}
          >
            <VocabularyOptions values={provenances} vocabulary="provenance" />
          </NativeSelect>
        </Field>
      )}
    </>
  );
}

export function CompanyForm() {
  const t = useTranslations("CompanyForm");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const idPrefix = `company${useId()}`;
  const { formRef, errors, show: setErrors, showServerError, recheck } = useFormErrors();
  const [website, setWebsite] = useState("");
  const create = useMutation(
    trpc.company.create.mutationOptions({
      onSuccess: async (company) => {
        await queryClient.invalidateQueries({ queryKey: trpc.company.pathKey() });
        router.push(`/companies/${company.id}`);
      },
      onError: showServerError,
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(companyInput, formValues(event.currentTarget));
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    create.mutate(result.data);
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={(event) => {
        const values = formValues(event.currentTarget);
        recheck(companyInput, () => values);
      }}
      noValidate
      aria-label={t("addForm")}
      className="space-y-4"
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 sm:items-start">
        <CompanyFields
          idPrefix={idPrefix}
          errors={errors}
          website={website}
          onWebsite={setWebsite}
        />
      </div>
      <SameDomainWarning website={website} />
      <FormErrorSummary errors={errors} />
      <Button type="submit" loading={create.isPending}>
        {t("add")}
      </Button>
    </form>
  );
}

export interface EditableCompany {
  id: string;
  name: string;
  websiteUrl: string;
  country: string | null;
}

export interface CompanyUpdate {
  replacedDomain: string | null;
  recheck: ChannelRecheck;
}

/** Edits a company's name, website and country (inside the company page's dialog). */
export function CompanyEditForm({
  company,
  onDone,
}: {
  company: EditableCompany;
  onDone: (update: CompanyUpdate) => void;
}) {
  const t = useTranslations("CompanyForm");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const idPrefix = `edit-company${useId()}`;
  const { formRef, errors, show: setErrors, showServerError, recheck } = useFormErrors();
  const [website, setWebsite] = useState(company.websiteUrl);
  const update = useMutation(
    trpc.company.update.mutationOptions({
      onSuccess: async (result) => {
        // The name shows on the dashboard and on case pages too.
        await queryClient.invalidateQueries();
        onDone(result);
      },
      onError: showServerError,
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(updateCompanyInput, {
      ...formValues(event.currentTarget),
      companyId: company.id,
    });
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    update.mutate(result.data);
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={(event) => {
        const values = { ...formValues(event.currentTarget), companyId: company.id };
        recheck(updateCompanyInput, () => values);
      }}
      noValidate
      aria-label={t("editForm")}
      className="space-y-4"
    >
      <CompanyFields
        idPrefix={idPrefix}
        errors={errors}
        website={website}
        onWebsite={setWebsite}
        defaults={company}
      />
      <SameDomainWarning website={website} companyId={company.id} />
      <FormErrorSummary errors={errors} />
      <DialogFooter>
        <Button type="submit" loading={update.isPending}>
          {t("save")}
        </Button>
      </DialogFooter>
    </form>
  );
}
