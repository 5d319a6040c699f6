import { DomainError, getCase } from "@caseward/core";
import { channelDisplay } from "@caseward/core/schemas";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";

import { requireSession } from "~/server/auth";
import { requestSettings } from "~/server/clock";
import { db } from "~/server/db";
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
  const session = await requireSession();
  const userId = session.user.id;
  const { caseId } = await params;
  if (!z.uuid().safeParse(caseId).success) notFound();
  const [found, settings, locale] = await Promise.all([
    getCase(db, userId, caseId).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
      throw error;
    }),
    requestSettings(userId),
    getLocale(),
  ]);
  // Only what the session uses goes to the browser (not the case's contacts, emails and
  // timeline): the page's payload and what the phone parses stay small.
  return (
    <ContactSession
      caseId={caseId}
      found={{
        title: found.title,
        company: {
          id: found.company.id,
          name: found.company.name,
          willingToShare: found.company.willingToShare,
          privacyReviewedAt: found.company.privacyReviewedAt,
        },
        channels: found.channels.map((channel) => ({
          ...channel,
          shown: channelDisplay(channel, settings.country, locale),
        })),
        questions: found.questions,
      }}
      region={{ country: settings.country, subdivision: settings.subdivision }}
    />
  );
}
