import type { Metadata } from "next";

import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { CompanyDirectory } from "./company-directory";

export const metadata: Metadata = { title: "Companies" };

export default function CompaniesPage() {
  prefetch(trpc.company.list.queryOptions());
  return (
    <HydrateClient>
      <CompanyDirectory />
    </HydrateClient>
  );
}
