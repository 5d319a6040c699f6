"use client";

import { countOf } from "@caseward/core/schemas";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@caseward/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";

import { PrivacyGradeBadge } from "~/components/badges";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";
import {
  answersText,
  basisText,
  businessDaysText,
  minutesText,
  promisesText,
  shareText,
} from "./figure-text";
import { DownloadLink, FigureGrid } from "./figures";

/** How the company treated the user: answers, deadlines, promises, time spent, privacy. */
export function CompanyReportCard({ companyId }: { companyId: string }) {
  const trpc = useTRPC();
  const clock = useClock();
  const { data: report } = useSuspenseQuery(
    trpc.insights.companyReport.queryOptions({ companyId }),
  );
  const { basis, timeToAnswer, windowsMissed, promises, timeToResolution } = report;
  const sinceMonth = basis.since ? clock.toInput(basis.since).slice(0, 7) : null;
  const resolvedCases = countOf(basis.resolved, "resolved case");
  return (
    <Card
      id="report-card"
      role="region"
      className="scroll-mt-20 break-inside-avoid"
      aria-labelledby="report-card-title"
      data-print-document
    >
      <CardHeader>
        <CardTitle id="report-card-title">How they treat you</CardTitle>
        <CardDescription>
          {basisText(basis.cases, sinceMonth)}
          {basis.cases > 0 &&
            `: ${basis.resolved} resolved, ${basis.abandoned} given up. Times are business time on your calendar.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <FigureGrid
          figures={[
            {
              label: "Time to a first answer",
              value: businessDaysText(timeToAnswer.medianBusinessDays),
              detail: answersText(timeToAnswer) ?? "No answer yet to anything you sent",
            },
            {
              label: "Response windows missed",
              value: shareText(windowsMissed.share),
              detail:
                windowsMissed.decided === 0
                  ? "No window has ended yet"
                  : `${windowsMissed.missed} of ${countOf(windowsMissed.decided, "window")} that ended`,
            },
            {
              label: "Promises kept",
              value:
                promises.kept + promises.broken === 0
                  ? "—"
                  : `${promises.kept} of ${promises.kept + promises.broken}`,
              detail: promisesText(promises),
            },
            {
              label: "Escalations",
              value: String(report.escalations),
              detail: "Deadlines they let pass, each of which escalated a case",
            },
            {
              label: "Time to resolution",
              value: businessDaysText(timeToResolution.medianBusinessDays),
              detail:
                timeToResolution.cases === 0
                  ? "No case resolved yet"
                  : `Median over ${resolvedCases}, opening to resolution`,
            },
            {
              label: "Contacts per resolved case",
              value: report.contactsPerResolvedCase?.toLocaleString("en") ?? "—",
              detail: basis.resolved === 0 ? "No case resolved yet" : `Over ${resolvedCases}`,
            },
            {
              label: "Time on calls and chats",
              value: minutesText(report.talkMinutes),
              detail: `Calls and chats with an end time, of ${countOf(report.contacts, "contact")}`,
            },
            {
              label: "Privacy",
              value: <PrivacyGradeBadge rating={report.privacy.rating} />,
              detail:
                report.privacy.breaches === 0
                  ? "No breach known to you"
                  : `${countOf(report.privacy.breaches, "known breach", "known breaches")}, the last on ${clock.day(report.privacy.lastBreachOn!)}`,
            },
          ]}
        />
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm print:hidden">
          <Link
            href={`/insights?companyId=${companyId}`}
            className="font-medium text-primary hover:underline"
          >
            Compare with your other companies
          </Link>
          <DownloadLink href={`/api/exports/contacts.csv?companyId=${companyId}`}>
            Contacts with them (CSV)
          </DownloadLink>
        </p>
      </CardContent>
    </Card>
  );
}
