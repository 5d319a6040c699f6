import type { Insights } from "./insights";

// A short memory of each user's insights in this process: the page and its CSV links ask for the
// same figures within seconds, and a refresh should not make Postgres aggregate every contact
// again. A user's own change in this process (any tRPC mutation) forgets their entries at once;
// a change made elsewhere (the worker firing a deadline, another web process) shows within
// `INSIGHTS_MEMORY_MS`. Concurrent asks for the same figures share one computation. A request
// that says `Cache-Control: no-cache` (a hard reload; the bench's uncached path) has them
// computed again, and remembered anew.

/** How long an answer is reused. */
export const INSIGHTS_MEMORY_MS = 5_000;
/** Users remembered at most; the longest-unused ones go first. */
const MAX_USERS = 500;

interface Entry {
  at: number;
  value: Promise<Insights>;
}

const byUser = new Map<string, Map<string, Entry>>();

/** The request asks for figures computed now: `Cache-Control: no-cache` (or `no-store`). */
export function asksForFreshInsights(headers: Headers | undefined): boolean {
  const control = headers?.get("cache-control") ?? "";
  return /(^|,)\s*no-(cache|store)\s*(,|$)/i.test(control);
}

/**
 * The user's insights for `key` (their filters) from memory, or `compute`d and remembered;
 * `fresh`: computed now whatever is remembered.
 */
export function rememberedInsights(
  userId: string,
  key: string,
  compute: () => Promise<Insights>,
  now = Date.now(),
  { fresh = false }: { fresh?: boolean } = {},
): Promise<Insights> {
  let entries = byUser.get(userId);
  if (entries) {
    // Most recently used last.
    byUser.delete(userId);
    byUser.set(userId, entries);
  } else {
    entries = new Map();
    byUser.set(userId, entries);
    if (byUser.size > MAX_USERS) byUser.delete(byUser.keys().next().value!);
  }
  const found = entries.get(key);
  if (found && !fresh && now - found.at < INSIGHTS_MEMORY_MS) return found.value;
  const value = compute();
  const entry = { at: now, value };
  entries.set(key, entry);
  // A failure is not remembered.
  value.catch(() => {
    if (byUser.get(userId)?.get(key) === entry) byUser.get(userId)!.delete(key);
  });
  return value;
}

/** Forgets the user's remembered insights: after they changed something. */
export function forgetInsights(userId: string) {
  byUser.delete(userId);
}
