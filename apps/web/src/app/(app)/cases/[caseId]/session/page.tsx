import { channelDisplay } from "@caseward/core/schemas";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";

import { requireSession } from "~/server/auth";
import { getQueryClient, trpc } from "~/trpc/server";
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
  const queryClient = getQueryClient();
  const [found, settings, locale] = await Promise.all([
    queryClient.fetchQuery(trpc.case.byId.queryOptions({ caseId })),
    queryClient.fetchQuery(trpc.settings.get.queryOptions()),
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
