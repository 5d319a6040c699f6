"use client";

import type { CasePriority } from "@caseward/core/schemas";
import { casePriorities, maxLengthsOf, openCaseInput } from "@caseward/core/schemas";
import { Field, fieldAria, Input, NativeSelect, Textarea } from "@caseward/ui";

import { useTranslations } from "~/i18n/translations";

// The server's limits, read from its schema: a field stops where the server would.
const { title: titleMax, description: descriptionMax } = maxLengthsOf(openCaseInput);

/** A case's title, priority and details, as opened and as edited. */
export function CaseFields({
  idPrefix,
  error,
  initial,
}: {
  idPrefix: string;
  error: (field: string) => string | undefined;
  initial?: { title: string; priority: CasePriority; description: string | null };
}) {
  const t = useTranslations("CaseDialogs");
  const words = useTranslations("Vocabulary");
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <>
      <Field label={t("problem")} htmlFor={id("title")} error={error("title")}>
        <Input
          id={id("title")}
          name="title"
          maxLength={titleMax}
          placeholder={t("problemPlaceholder")}
          defaultValue={initial?.title}
          {...fieldAria(id("title"), error("title"))}
        />
      </Field>
      <Field label={t("priority")} htmlFor={id("priority")} error={error("priority")}>
        <NativeSelect
          id={id("priority")}
          name="priority"
          defaultValue={initial?.priority ?? "normal"}
        >
          {casePriorities.map((priority) => (
            <option key={priority} value={priority}>
              {words(`casePriority.${priority}`)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field
        label={t("details")}
        htmlFor={id("description")}
        hint={t("detailsHint")}
        error={error("description")}
      >
        <Textarea
          id={id("description")}
          name="description"
          rows={3}
          maxLength={descriptionMax}
          defaultValue={initial?.description ?? ""}
          {...fieldAria(id("description"), error("description"), true)}
        />
      </Field>
    </>
  );
}
