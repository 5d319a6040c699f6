"use client";

import { useTranslations } from "~/i18n/translations";

/** The Vocabulary catalogue's lists whose options a form offers (keyed by value). */
type VocabularyList =
  "channelKind" | "provenance" | "contactOutcome" | "casePriority" | "caseStatus";

/**
 * The `<option>`s of a vocabulary list (channel kinds, outcomes…) with the product's words:
 * from the `Vocabulary` catalogue in the page's language (`vocabulary`), or given `labels`.
 */
export function VocabularyOptions<T extends string>({
  values,
  labels,
  vocabulary,
}: {
  values: readonly T[];
  labels?: Record<T, string>;
  vocabulary?: VocabularyList;
}) {
  const t = useTranslations("Vocabulary");
  const label = (value: T) =>
    vocabulary
      ? t(`${vocabulary}.${value}` as Parameters<typeof t>[0])
      : (labels?.[value] ?? value);
  return values.map((value) => (
    <option key={value} value={value}>
      {label(value)}
    </option>
  ));
}
