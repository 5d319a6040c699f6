import type { Metadata } from "next";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { CompanyDirectory } from "./company-directory";

export const metadata: Metadata = { title: "Companies" };

export default async function CompaniesPage() {
  await requireSession();
  prefetch(trpc.company.list.queryOptions());
  return (
    <HydrateClient>
      <CompanyDirectory />
    </HydrateClient>
  );
}
