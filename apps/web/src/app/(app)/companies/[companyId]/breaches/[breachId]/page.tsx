import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { BreachReport } from "./breach-report";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Breaches.report");
  return { title: t("metaTitle") };
}

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
