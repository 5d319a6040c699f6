import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { BreachReport } from "./breach-report";

export const metadata: Metadata = { title: "Breach report" };

export default async function BreachReportPage({
  params,
}: {
  params: Promise<{ companyId: string; breachId: string }>;
}) {
  await requireSession();
  const { breachId } = await params;
  if (!z.uuid().safeParse(breachId).success) notFound();
  prefetch(trpc.privacy.breachReport.queryOptions({ breachId }));
  return (
    <HydrateClient>
      <BreachReport breachId={breachId} />
    </HydrateClient>
  );
}
