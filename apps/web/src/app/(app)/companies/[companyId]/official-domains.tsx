"use client";

import type { ChannelRecheck } from "@caseward/core";
import type { Provenance } from "@caseward/core/schemas";
import { companyDomainInput, maxLengthsOf, provenances } from "@caseward/core/schemas";
import { Alert, Badge, Button, Field, fieldAria, Input, NativeSelect } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Globe, X } from "lucide-react";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { SameDomainWarning } from "~/components/company-form";
import { VocabularyOptions } from "~/components/vocabulary-options";
import { FormErrorSummary } from "~/components/form-error-summary";
import { firstError, formValues, serverMessage, useFormErrors, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

export interface OfficialDomain {
  id: string;
  domain: string;
  provenance: Provenance;
  isWebsite: boolean;
}

/**
 * The company's official domains, each with where it was found: channels on any of them are the
 * company's, lookalikes of any of them are flagged. The website's domain changes with the website.
 */
export function OfficialDomains({
  companyId,
  domains,
  onRecheck,
}: {
  companyId: string;
  domains: OfficialDomain[];
  /** A change re-checked the company's channels: what it did, for the ladder to show. */
  onRecheck: (recheck: ChannelRecheck) => void;
}) {
  const t = useTranslations("CompanyPage.domains");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const reload = () => queryClient.invalidateQueries({ queryKey: trpc.company.pathKey() });
  const remove = useMutation(
    trpc.company.removeDomain.mutationOptions({
      onMutate: () => setError(null),
      onSuccess: async ({ recheck }) => {
        await reload();
        onRecheck(recheck);
      },
      onError: (e) => setError(serverMessage(e)),
    }),
  );
  const setProvenance = useMutation(
    trpc.company.setDomainProvenance.mutationOptions({
      onMutate: () => setError(null),
      onSuccess: reload,
      onError: (e) => setError(serverMessage(e)),
    }),
  );

  return (
    <div className="space-y-4">
      {error && <Alert variant="danger">{error}</Alert>}
      <ul aria-label={t("listLabel")} className="divide-y divide-border">
        {domains.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 py-2">
            <span className="flex min-w-0 flex-1 basis-40 items-center gap-2">
              <Globe aria-hidden className="size-4 shrink-0 text-muted-foreground" />
              <span className="font-mono text-sm break-all">{d.domain}</span>
              {d.isWebsite && <Badge variant="neutral">{t("website")}</Badge>}
            </span>
            <NativeSelect
              aria-label={t("whereFound", { domain: d.domain })}
              value={d.provenance}
              wrapperClassName="w-60 max-w-full"
              onChange={(event) =>
                setProvenance.mutate({
                  domainId: d.id,
                  provenance: event.target.value as Provenance,
                })
              }
            >
              <VocabularyOptions values={provenances} vocabulary="provenance" />
            </NativeSelect>
            {d.isWebsite ? (
              // Keeps the rows aligned: the website's domain goes only with its website.
              <span className="size-9" aria-hidden />
            ) : (
              <Button
                variant="ghost"
                size="icon"
                aria-label={t("remove", { domain: d.domain })}
                loading={remove.isPending && remove.variables.domainId === d.id}
                onClick={() => remove.mutate({ domainId: d.id })}
              >
                <X aria-hidden />
              </Button>
            )}
          </li>
        ))}
      </ul>
      <AddDomainForm companyId={companyId} onRecheck={onRecheck} />
    </div>
  );
}

function AddDomainForm({
  companyId,
  onRecheck,
}: {
  companyId: string;
  onRecheck: (recheck: ChannelRecheck) => void;
}) {
  const t = useTranslations("CompanyPage.domains");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { formRef, errors, show: setErrors, showServerError, recheck } = useFormErrors();
  const [domain, setDomain] = useState("");
  const add = useMutation(
    trpc.company.addDomain.mutationOptions({
      onSuccess: async ({ recheck }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.company.pathKey() });
        setDomain("");
        onRecheck(recheck);
      },
      onError: showServerError,
    }),
  );
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(companyDomainInput, {
      ...formValues(event.currentTarget),
      companyId,
    });
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    add.mutate(result.data);
  }
  const error = (field: string) => firstError(errors, field);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={(event) => {
        const values = { ...formValues(event.currentTarget), companyId };
        recheck(companyDomainInput, () => values);
      }}
      noValidate
      aria-label={t("addForm")}
      className="space-y-3 rounded-lg border border-dashed border-border p-3"
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field
          label={t("another")}
          htmlFor="domain-value"
          error={error("domain")}
          hint={t("anotherHint")}
        >
          <Input
            id="domain-value"
            name="domain"
            inputMode="url"
            autoComplete="off"
            maxLength={maxLengthsOf(companyDomainInput).domain}
            placeholder={t("anotherPlaceholder")}
            value={domain}
            onChange={(event) => setDomain(event.target.value)}
            {...fieldAria("domain-value", error("domain"), true)}
          />
        </Field>
        <Field
          label={t("whereFoundIt")}
          htmlFor="domain-provenance"
          error={error("provenance")}
          hint={t("whereFoundHint")}
        >
          <NativeSelect
            id="domain-provenance"
            name="provenance"
            defaultValue="official_website"
            {...fieldAria("domain-provenance", error("provenance"), true)}
          >
            <VocabularyOptions values={provenances} vocabulary="provenance" />
          </NativeSelect>
        </Field>
      </div>
      <SameDomainWarning website={domain} companyId={companyId} />
      <FormErrorSummary errors={errors} />
      <Button type="submit" variant="secondary" loading={add.isPending}>
        {t("add")}
      </Button>
    </form>
  );
}
