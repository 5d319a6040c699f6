"use client";

import type { CasePriority } from "@caseward/core/schemas";
import {
  casePriorities,
  casePriorityLabels,
  maxLengthsOf,
  openCaseInput,
} from "@caseward/core/schemas";
import { Field, fieldAria, Input, NativeSelect, Textarea } from "@caseward/ui";

import { VocabularyOptions } from "~/components/vocabulary-options";

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
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <>
      <Field label="What is the problem?" htmlFor={id("title")} error={error("title")}>
        <Input
          id={id("title")}
          name="title"
          maxLength={titleMax}
          placeholder="Refund for cancelled flight AC 123"
          defaultValue={initial?.title}
          {...fieldAria(id("title"), error("title"))}
        />
      </Field>
      <Field label="Priority" htmlFor={id("priority")} error={error("priority")}>
        <NativeSelect
          id={id("priority")}
          name="priority"
          defaultValue={initial?.priority ?? "normal"}
        >
          <VocabularyOptions values={casePriorities} labels={casePriorityLabels} />
        </NativeSelect>
      </Field>
      <Field
        label="Details"
        htmlFor={id("description")}
        hint="Optional. What happened, what you want."
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
