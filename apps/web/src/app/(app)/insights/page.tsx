import { insightsInput } from "@caseward/core";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import type { SearchParams } from "~/lib/search-params";
import { filtersFromLink } from "~/lib/search-params";
import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { InsightsView } from "./insights-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Insights");
  return { title: t("metaTitle") };
}

export default async function InsightsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireSession();
  const filters = filtersFromLink(insightsInput, await searchParams, {
    period: "period",
    companyId: "companyId",
    status: "status",
  });
  prefetch(trpc.insights.overview.queryOptions(filters));
  prefetch(trpc.company.list.queryOptions());
  return (
    <HydrateClient>
      <InsightsView filters={filters} />
    </HydrateClient>
  );
}
