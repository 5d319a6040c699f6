import { disclosureKinds } from "@caseward/core/schemas";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { PrivacyLedger } from "./privacy-ledger";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Privacy.ledger");
  return { title: t("metaTitle") };
}

export default async function PrivacyPage({
  searchParams,
}: {
  searchParams: Promise<{ kind?: string }>;
}) {
  await requireSession();
  const { kind: asked } = await searchParams;
  const kind = disclosureKinds.find((k) => k === asked);
  prefetch(trpc.privacy.ledger.queryOptions());
  if (kind) prefetch(trpc.privacy.disclosures.queryOptions({ kind }));
  return (
    <HydrateClient>
      <PrivacyLedger kind={kind} />
    </HydrateClient>
  );
}
