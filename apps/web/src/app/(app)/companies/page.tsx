import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { CompanyDirectory } from "./company-directory";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Companies");
  return { title: t("metaTitle") };
}

export default async function CompaniesPage() {
  await requireSession();
  prefetch(trpc.company.list.queryOptions());
  return (
    <HydrateClient>
      <CompanyDirectory />
    </HydrateClient>
  );
}
