import { caseListFilters } from "@caseward/core";
import type { CaseListFilters } from "@caseward/core";
import type { Metadata } from "next";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { filterParams } from "./_dashboard/filter-params";
import { Dashboard } from "./dashboard";

export const metadata: Metadata = { title: "Cases" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The filters in a shared or hand-edited link; a value that no longer makes sense is dropped. */
function filtersFrom(params: SearchParams): CaseListFilters {
  const candidate = Object.fromEntries(
    Object.entries(filterParams).map(([field, param]) => {
      const value = params[param];
      return [field, (Array.isArray(value) ? value[0] : value) || undefined];
    }),
  );
  const parsed = caseListFilters.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const invalid = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  return caseListFilters.parse(
    Object.fromEntries(Object.entries(candidate).filter(([field]) => !invalid.has(field))),
  );
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireSession();
  const filters = filtersFrom(await searchParams);
  prefetch(trpc.dashboard.cases.queryOptions(filters));
  prefetch(trpc.company.list.queryOptions());
  return (
    <HydrateClient>
      <Dashboard filters={filters} />
    </HydrateClient>
  );
}
