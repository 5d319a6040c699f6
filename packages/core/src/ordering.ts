import { refusal } from "./errors";

/**
 * A reorder names every item exactly once: anything else means the client's list was stale
 * (or forged), and we refuse rather than guess.
 */
export function assertSameItems(
  existing: readonly string[],
  ordered: readonly string[],
  what: string,
) {
  const known = new Set(existing);
  const seen = new Set(ordered);
  if (
    seen.size !== ordered.length ||
    ordered.length !== known.size ||
    !ordered.every((id) => known.has(id))
  ) {
    throw refusal("CONFLICT", "listChanged", { what });
  }
}
