import { caseListFilters } from "@caseward/core";
import type { CaseListFilters } from "@caseward/core";
import type { Metadata } from "next";

import type { SearchParams } from "~/lib/search-params";
import { filtersFromLink } from "~/lib/search-params";
import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { filterParams } from "./_dashboard/filter-params";
import { Dashboard } from "./dashboard";

export const metadata: Metadata = { title: "Cases" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireSession();
  const filters: CaseListFilters = filtersFromLink(
    caseListFilters,
    await searchParams,
    filterParams,
  );
  prefetch(trpc.dashboard.cases.queryOptions(filters));
  prefetch(trpc.company.list.queryOptions());
  return (
    <HydrateClient>
      <Dashboard filters={filters} />
    </HydrateClient>
  );
}
