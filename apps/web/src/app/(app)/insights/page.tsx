import { insightsInput } from "@caseward/core";
import type { Metadata } from "next";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { InsightsView } from "./insights-view";

export const metadata: Metadata = { title: "How companies treat you" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The filters of a shared or hand-edited link; a value that no longer makes sense is dropped. */
function filtersFrom(params: SearchParams) {
  const candidate = Object.fromEntries(
    ["period", "companyId", "status"].map((field) => {
      const value = params[field];
      return [field, (Array.isArray(value) ? value[0] : value) || undefined];
    }),
  );
  const parsed = insightsInput.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const invalid = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  return insightsInput.parse(
    Object.fromEntries(Object.entries(candidate).filter(([field]) => !invalid.has(field))),
  );
}

export default async function InsightsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireSession();
  const filters = filtersFrom(await searchParams);
  prefetch(trpc.insights.overview.queryOptions(filters));
  prefetch(trpc.company.list.queryOptions());
  return (
    <HydrateClient>
      <InsightsView filters={filters} />
    </HydrateClient>
  );
}
