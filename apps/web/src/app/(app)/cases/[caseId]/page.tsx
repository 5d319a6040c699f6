import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { CaseDetail } from "./case-detail";

export const metadata: Metadata = { title: "Case" };

export default async function CasePage({ params }: { params: Promise<{ caseId: string }> }) {
  await requireSession();
  const { caseId } = await params;
  if (!z.uuid().safeParse(caseId).success) notFound();
  prefetch(trpc.case.byId.queryOptions({ caseId }));
  return (
    <HydrateClient>
      <CaseDetail caseId={caseId} />
    </HydrateClient>
  );
}
