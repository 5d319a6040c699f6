import type { Metadata } from "next";

import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { Dashboard } from "./dashboard";

export const metadata: Metadata = { title: "Cases" };

export default function DashboardPage() {
  prefetch(trpc.case.listOpen.queryOptions());
  prefetch(trpc.company.list.queryOptions());
  return (
    <HydrateClient>
      <Dashboard />
    </HydrateClient>
  );
}
