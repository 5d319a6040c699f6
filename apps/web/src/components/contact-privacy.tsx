"use client";

import type { DisclosureKind, RedFlagKind, RedFlagSource } from "@caseward/core/schemas";
import { redFlagDetailsIn, redFlagInput, redFlagKinds } from "@caseward/core/schemas";
import { Alert, Badge, Button, DetailsOnOpen, Field, fieldAria, NativeSelect } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TriangleAlert, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import type { DisclosureContext } from "~/components/disclosure-form";
import { DisclosureForm } from "~/components/disclosure-form";
import { trpcDelete, useDeleteWithUndo } from "~/lib/delete-with-undo";
import { FormErrorSummary } from "~/components/form-error-summary";
import { useFormErrors, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

const sourceKeys = {
  marked: "sourceMarked",
  scanned: "sourceScanned",
  inbound: "sourceInbound",
} as const satisfies Record<RedFlagSource, string>;

/** A contact's red flags and disclosures on the timeline, and adding either after the fact. */
export function ContactPrivacy({
  contactId,
  context,
  redFlags: allFlags,
  disclosures: allDisclosures,
  onChange,
}: {
  contactId: string;
  context: DisclosureContext;
  redFlags: { id: string; kind: RedFlagKind; source: RedFlagSource }[];
  disclosures: {
    id: string;
    kind: DisclosureKind;
    asked: boolean;
    reason: string | null;
    detail: string | null;
  }[];
  onChange: () => void;
}) {
  const t = useTranslations("Disclosures");
  const details = redFlagDetailsIn(useLocale());
  const words = useTranslations("Vocabulary");
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
  const queryClient = useQueryClient();
  // The case page and the ledgers show these rows.
  const reload = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.case.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.privacy.pathKey() }),
    ]);
  const deletes = useDeleteWithUndo();
  const redFlags = allFlags.filter((f) => !deletes.isPending(f.id));
  const disclosures = allDisclosures.filter((d) => !deletes.isPending(d.id));
  const unmarked = redFlagKinds.filter((k) => !redFlags.some((f) => f.kind === k));

  return (
    <div className="mt-3 space-y-2 text-sm">
      {redFlags.length > 0 && (
        <ul aria-label={t("redFlags")} className="space-y-1">
          {redFlags.map((f) => (
            <li key={f.id} className="flex items-start gap-1.5 text-danger">
              <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              <span className="min-w-0 flex-1">
                <span className="font-medium">{details[f.kind].title}</span>{" "}
                <span className="text-muted-foreground">
                  {t("flagWithSource", { source: t(sourceKeys[f.source]) })}
                </span>
              </span>
              <button
                type="button"
                aria-label={t("removeRedFlag", { flag: details[f.kind].title })}
                title={t("removeRedFlagTitle")}
                className="-my-1 inline-flex size-7 shrink-0 items-center justify-center rounded text-muted-foreground hover:bg-foreground/10 hover:text-foreground"
                onClick={() =>
                  deletes.remove({
                    id: f.id,
                    message: t("redFlagRemoved"),
                    request: trpcDelete(trpc.privacy.deleteRedFlag, { redFlagId: f.id }),
                    refresh: reload,
                  })
                }
              >
                <X aria-hidden className="size-4" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {disclosures.length > 0 && (
        <div aria-label={t("personalDataGiven")} className="flex flex-wrap items-center gap-1.5">
          <span className="text-muted-foreground">{t("gave")}</span>
          {disclosures.map((d) => (
            <Badge
              key={d.id}
              variant={d.kind === "password" || d.kind === "one_time_code" ? "danger" : "neutral"}
              title={[d.asked ? t("theyAsked") : t("offered"), d.reason, d.detail]
                .filter(Boolean)
                .join(" · ")}
            >
              {d.detail
                ? t("detailInBadge", { what: words(`disclosureKind.${d.kind}`), detail: d.detail })
                : words(`disclosureKind.${d.kind}`)}
              <button
                type="button"
                aria-label={t("removeWhat", { what: words(`disclosureKind.${d.kind}`) })}
                className="-my-1 -mr-1.5 ml-0.5 inline-flex size-6 items-center justify-center rounded hover:bg-foreground/10"
                onClick={() =>
                  deletes.remove({
                    id: d.id,
                    message: t("removedFromGiven", { what: words(`disclosureKind.${d.kind}`) }),
                    request: trpcDelete(trpc.privacy.deleteDisclosure, { disclosureId: d.id }),
                    refresh: reload,
                  })
                }
              >
                <X aria-hidden className="size-3" />
              </button>
            </Badge>
          ))}
        </div>
      )}
      <DetailsOnOpen
        className="rounded-md border border-dashed border-border p-2 print:hidden"
        summaryClassName="cursor-pointer text-muted-foreground"
        summary={t("recordSummary")}
      >
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
      </DetailsOnOpen>
    </div>
  );
}
