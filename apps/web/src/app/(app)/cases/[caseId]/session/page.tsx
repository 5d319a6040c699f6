import { DomainError, getCase, getPrivacyChecklist } from "@caseward/core";
import type { ReadinessItem } from "@caseward/core/schemas";
import {
  channelDisplay,
  contactReadiness,
  logContactInput,
  maxLengthsOf,
  needsReview,
  recordingConsent,
} from "@caseward/core/schemas";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";

import { ClientMessages } from "~/i18n/client-messages";
import { requireSession } from "~/server/auth";
import { requestSettings } from "~/server/clock";
import { db } from "~/server/db";
import { casePageNamespaces } from "../../page-namespaces";
import type { ReadinessChoices } from "./contact-session";
import { ContactSession } from "./contact-session";
import { RecordingRule } from "./recording-rule";

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
  const checklist = await getPrivacyChecklist(db, userId, found.company.id);
  const region = { country: settings.country, subdivision: settings.subdivision };
  // The readiness check, its rules and sentences, is worked out here for each choice the
  // session can still change (the channel's status, the representative noted or not): the
  // browser picks one and loads neither the rules nor the sentences of every language.
  const readinessOf = (
    channel: { status: "verified" | "unverified" | "suspicious" } | null,
    representativeNoted: boolean,
  ) =>
    contactReadiness(
      {
        caseId,
        companyId: found.company.id,
        channel,
        openNeedQuestions: found.questions.filter((q) => !q.answer && q.tier === "need").length,
        openNiceQuestions: found.questions.filter((q) => !q.answer && q.tier === "nice").length,
        checklistNeedsReview: needsReview(found.company.privacyReviewedAt, new Date()),
        willingToShareDecided: found.company.willingToShare !== null,
        recording:
          recordingConsent({
            country: region.country,
            subdivision: region.subdivision ?? undefined,
          })?.rule ?? null,
        representativeNoted,
      },
      locale,
    );
  const statuses = ["verified", "unverified", "suspicious", "none"] as const;
  const readiness = Object.fromEntries(
    statuses.map((status) => {
      const channel = status === "none" ? null : { status };
      return [status, { noted: readinessOf(channel, true), notNoted: readinessOf(channel, false) }];
    }),
  ) as Record<(typeof statuses)[number], { noted: ReadinessItem[]; notNoted: ReadinessItem[] }>;
  // Only what the session uses goes to the browser (not the case's contacts, emails and
  // timeline): the page's payload and what the phone parses stay small.
  return (
    <ClientMessages namespaces={casePageNamespaces.session}>
      <ContactSession
        caseId={caseId}
        found={{
          title: found.title,
          company: {
            id: found.company.id,
            name: found.company.name,
            willingToShare: found.company.willingToShare,
          },
          // What the picker reads of a channel, not its row (owner, dates, provenance…).
          channels: found.channels.map((channel) => ({
            id: channel.id,
            kind: channel.kind,
            status: channel.status,
            value: channel.value,
            statusReason: channel.statusReason,
            isPreferred: channel.isPreferred,
            shown: channelDisplay(channel, settings.country, locale),
          })),
          questions: found.questions,
        }}
        region={region}
        checklist={checklist.answers}
        limits={maxLengthsOf(logContactInput)}
        readiness={readiness satisfies ReadinessChoices}
        recordingRule={<RecordingRule region={region} />}
      />
    </ClientMessages>
  );
}
