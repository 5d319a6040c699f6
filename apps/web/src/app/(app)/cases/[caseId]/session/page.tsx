import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { ContactSession } from "./contact-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ContactSession");
  return { title: t("title") };
}

export default async function ContactSessionPage({
  params,
}: {
  params: Promise<{ caseId: string }>;
}) {
  await requireSession();
  const { caseId } = await params;
  if (!z.uuid().safeParse(caseId).success) notFound();
  prefetch(trpc.case.byId.queryOptions({ caseId }));
  prefetch(trpc.settings.get.queryOptions());
  return (
    <HydrateClient>
      <ContactSession caseId={caseId} />
    </HydrateClient>
  );
}
