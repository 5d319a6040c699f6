import type { getCase, getPrivacyChecklist } from "@caseward/core";
import {
  addQuestionInput,
  answerText,
  closedStatuses,
  humanFileSize,
  maxAttachmentBytes,
  maxLengthOf,
  maxLengthsOf,
  statusOnReopen,
} from "@caseward/core/schemas";
import {
  Alert,
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  PageHeader,
} from "@caseward/ui";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import {
  FileTextIcon,
  HistoryIcon,
  PhoneCallIcon,
  ShieldCheckIcon,
} from "~/components/plain-icons";
import { CaseStatusBadge } from "~/components/badges";
import { CaseDeadlines } from "~/components/case-deadlines";
import { CaseEmails } from "~/components/case-emails";
import { CaseInboundAddress } from "~/components/case-inbound-address";
import type { LadderChannel } from "~/components/contact-form";
import { ContactTimeline } from "~/components/contact-timeline";
import { QuestionList } from "~/components/question-list";
import { getUserClock } from "~/server/user-clock";
import {
  CaseActionsProvider,
  CaseEmailDrop,
  CaseMenu,
  ClearFlagButton,
  LogContactButton,
} from "./case-actions";
import { CaseStatusLine } from "./case-status-line";

export type FoundCase = Awaited<ReturnType<typeof getCase>>;

// Read from the schemas here, so the question forms need no schema before they are submitted.
const questionLimits = {
  answer: maxLengthOf(answerText),
  question: maxLengthsOf(addQuestionInput).text,
};

/** A case: where it stands, what to do next, its deadlines, questions and contacts. */
export async function CaseDetail({
  found,
  checklist,
  inboundAddress,
}: {
  found: FoundCase;
  checklist: Awaited<ReturnType<typeof getPrivacyChecklist>>;
  inboundAddress: string;
}) {
  const [t, locale, clock] = await Promise.all([
    getTranslations("CasePage"),
    getLocale(),
    getUserClock(),
  ]);
  // What the contact form reads of a channel: its client parts are given nothing more of it.
  const ladder: LadderChannel[] = found.channels.map((c) => ({
    id: c.id,
    kind: c.kind,
    status: c.status,
    value: c.value,
    isPreferred: c.isPreferred,
  }));
  const suggested = found.channels.find((c) => c.id === found.suggestedChannelId) ?? null;
  const flags = found.contacts.reduce((n, c) => n + c.redFlags.length, 0);
  const closed = closedStatuses.includes(found.status);
  const dialogCase = {
    id: found.id,
    title: found.title,
    description: found.description,
    priority: found.priority,
    closingNote: found.closingNote,
    satisfaction: found.satisfaction,
    contactCount: found.contacts.length,
    fileCount: found.contacts.reduce((n, c) => n + c.attachments.length, 0),
    reopensAs: statusOnReopen(found.contacts[0] ?? null),
  };

  return (
    <CaseActionsProvider found={dialogCase} channels={ladder}>
      <div className="space-y-6">
        <PageHeader
          title={found.title}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <Link
                href={`/companies/${found.company.id}`}
                className="font-medium text-foreground hover:underline"
              >
                {found.company.name}
              </Link>
              <CaseStatusBadge status={found.status} />
              <Badge variant="outline">{t("priority", { priority: found.priority })}</Badge>
              {checklist.needsReview && (
                <Link
                  href={`/companies/${found.company.id}/privacy`}
                  className="inline-flex items-center gap-1 text-xs text-warning hover:underline"
                >
                  <ShieldCheckIcon aria-hidden className="size-3.5" /> {t("reviewPrivacy")}
                </Link>
              )}
            </span>
          }
          actions={
            <>
              <Button variant="ghost" asChild>
                <Link href={`/cases/${found.id}/evidence`}>
                  <FileTextIcon aria-hidden className="size-4" /> {t("evidencePack")}
                </Link>
              </Button>
              <LogContactButton variant="secondary">
                <HistoryIcon aria-hidden className="size-4" /> {t("logPastContact")}
              </LogContactButton>
              <Button asChild>
                <Link href={`/cases/${found.id}/session`}>
                  <PhoneCallIcon aria-hidden className="size-4" /> {t("startSession")}
                </Link>
              </Button>
              <CaseMenu closed={closed} />
            </>
          }
        />
        <CaseStatusLine found={{ ...found, suggested }} />
        {found.flaggedAt && (
          <Alert variant="danger" title={t("warningTitle")}>
            <p>{t("warningText", { count: flags, company: found.company.name })}</p>
            <ClearFlagButton caseId={found.id}>{t("dealtWithIt")}</ClearFlagButton>
          </Alert>
        )}
        {found.description && (
          <p className="max-w-prose text-sm whitespace-pre-wrap text-muted-foreground">
            {found.description}
          </p>
        )}
        <CaseDeadlines
          caseId={found.id}
          deadlines={found.deadlines}
          responseWindowDays={found.responseWindowDays}
        />
        <CaseInboundAddress address={inboundAddress} />
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_3fr]">
          <Card id="questions" className="self-start scroll-mt-20">
            <CardHeader>
              <CardTitle>{t("questionsTitle")}</CardTitle>
              <CardDescription>{t("questionsText")}</CardDescription>
            </CardHeader>
            <CardContent>
              <QuestionList
                caseId={found.id}
                // Times written here: the list reads no clock, so it is not rendered again
                // when the browser's own zone becomes known after hydrating.
                questions={found.questions.map((q) => ({
                  id: q.id,
                  text: q.text,
                  tier: q.tier,
                  answer: q.answer,
                  answeredInContactId: q.answeredInContactId,
                  answeredWhen: q.answeredAt ? clock.dateTime(q.answeredAt) : null,
                }))}
                limits={questionLimits}
              />
            </CardContent>
          </Card>
          <div className="space-y-4">
            <CaseEmails emails={found.notifications} />
            <ContactTimeline
              caseId={found.id}
              channels={ladder}
              contacts={found.contacts}
              questions={found.questions}
              privacy={{
                companyId: found.company.id,
                companyName: found.company.name,
                country: found.country,
                willingToShare: found.company.willingToShare,
                checklist: checklist.answers,
              }}
            />
            <CaseEmailDrop caseId={found.id} maxSize={humanFileSize(maxAttachmentBytes, locale)} />
          </div>
        </div>
      </div>
    </CaseActionsProvider>
  );
}
