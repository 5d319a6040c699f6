import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { CompanyPrivacy } from "./company-privacy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Privacy");
  return { title: t("metaTitle") };
}

export default async function CompanyPrivacyPage({
  params,
}: {
  params: Promise<{ companyId: string }>;
}) {
  await requireSession();
  const { companyId } = await params;
  if (!z.uuid().safeParse(companyId).success) notFound();
  prefetch(trpc.privacy.checklist.queryOptions({ companyId }));
  prefetch(trpc.privacy.disclosures.queryOptions({ companyId }));
  prefetch(trpc.privacy.breaches.queryOptions({ companyId }));
  return (
    <HydrateClient>
      <CompanyPrivacy companyId={companyId} />
    </HydrateClient>
  );
}
