import { DomainError, getEvidencePack } from "@caseward/core";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";

import { requireSession } from "~/server/auth";
import { db } from "~/server/db";
import { EvidenceDossier } from "./evidence-dossier";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("EvidencePage");
  return { title: t("title") };
}

// Rendered on the server only: a document to print, with nothing to refetch or edit, and the
// dates formatted in the user's time zone rather than the browser's.
export default async function EvidencePage({ params }: { params: Promise<{ caseId: string }> }) {
  const session = await requireSession();
  const { caseId } = await params;
  if (!z.uuid().safeParse(caseId).success) notFound();
  const pack = await getEvidencePack(db, session.user.id, caseId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return <EvidenceDossier pack={pack} />;
}
