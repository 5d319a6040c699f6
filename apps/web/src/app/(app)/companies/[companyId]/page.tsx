import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { CompanyDetail } from "./company-detail";

export const metadata: Metadata = { title: "Company" };

export default async function CompanyPage({ params }: { params: Promise<{ companyId: string }> }) {
  await requireSession();
  const { companyId } = await params;
  if (!z.uuid().safeParse(companyId).success) notFound();
  prefetch(trpc.company.byId.queryOptions({ companyId }));
  prefetch(trpc.company.list.queryOptions());
  prefetch(trpc.privacy.checklist.queryOptions({ companyId }));
  prefetch(trpc.insights.companyReport.queryOptions({ companyId }));
  return (
    <HydrateClient>
      <CompanyDetail companyId={companyId} />
    </HydrateClient>
  );
}
