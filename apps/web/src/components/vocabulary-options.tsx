/** The `<option>`s of a vocabulary list (channel kinds, outcomes…) with the product's words. */
export function VocabularyOptions<T extends string>({
  values,
  labels,
}: {
  values: readonly T[];
  labels: Record<T, string>;
}) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels[value]}
    </option>
  ));
}
