import { DomainError, getCase, getCaseInboundAddress, getPrivacyChecklist } from "@caseward/core";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";

import { env } from "~/env";
import { ClientMessages } from "~/i18n/client-messages";
import { requireSession } from "~/server/auth";
import { db } from "~/server/db";
import { casePageNamespaces } from "../page-namespaces";
import { CaseDetail } from "./case-detail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("CasePage");
  return { title: t("metaTitle") };
}

/**
 * The case page, rendered on the server (its timeline, status line and deadlines carry no
 * script); what is interactive is a client island that refreshes the page after a change.
 */
export default async function CasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const session = await requireSession();
  const userId = session.user.id;
  const { caseId } = await params;
  if (!z.uuid().safeParse(caseId).success) notFound();
  const found = await getCase(db, userId, caseId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [checklist, inbound] = await Promise.all([
    getPrivacyChecklist(db, userId, found.company.id),
    getCaseInboundAddress(db, userId, caseId, env.INBOUND_DOMAIN),
  ]);
  return (
    <ClientMessages namespaces={casePageNamespaces.case}>
      <CaseDetail found={found} checklist={checklist} inboundAddress={inbound.address} />
    </ClientMessages>
  );
}
