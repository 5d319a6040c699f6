"use client";

import { countOf } from "@caseward/core/schemas";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@caseward/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import Link from "next/link";

import { PrivacyGradeBadge } from "~/components/badges";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";
import { basisText, businessDaysText, minutesText, shareText } from "./figure-text";

/** One figure: its value, what it is, and what it counts over. */
function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
      <dd className="text-xs text-muted-foreground">{detail}</dd>
    </div>
  );
}

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
      className="scroll-mt-20"
      aria-labelledby="report-card-title"
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
        <dl className="grid grid-cols-1 gap-4 min-[420px]:grid-cols-2">
          <Figure
            label="Time to a first answer"
            value={businessDaysText(timeToAnswer.medianBusinessDays)}
            detail={
              timeToAnswer.answers === 0
                ? "No answer yet to anything you sent"
                : `Median of ${countOf(timeToAnswer.answers, "answer")} over ${countOf(timeToAnswer.cases, "case")}`
            }
          />
          <Figure
            label="Response windows missed"
            value={shareText(windowsMissed.share)}
            detail={
              windowsMissed.decided === 0
                ? "No window has ended yet"
                : `${windowsMissed.missed} of ${countOf(windowsMissed.decided, "window")} that ended`
            }
          />
          <Figure
            label="Promises kept"
            value={
              promises.kept + promises.broken === 0
                ? "—"
                : `${promises.kept} of ${promises.kept + promises.broken}`
            }
            detail={`${promises.broken} broken${promises.keptLate > 0 ? ` (${promises.keptLate} kept late)` : ""}, ${promises.pending} not due yet`}
          />
          <Figure
            label="Escalations"
            value={String(report.escalations)}
            detail="Deadlines they let pass, each of which escalated a case"
          />
          <Figure
            label="Time to resolution"
            value={businessDaysText(timeToResolution.medianBusinessDays)}
            detail={
              timeToResolution.cases === 0
                ? "No case resolved yet"
                : `Median over ${resolvedCases}, opening to resolution`
            }
          />
          <Figure
            label="Contacts per resolved case"
            value={report.contactsPerResolvedCase?.toLocaleString("en") ?? "—"}
            detail={basis.resolved === 0 ? "No case resolved yet" : `Over ${resolvedCases}`}
          />
          <Figure
            label="Time on calls and chats"
            value={minutesText(report.talkMinutes)}
            detail={`Calls and chats with an end time, of ${countOf(report.contacts, "contact")}`}
          />
          <div className="min-w-0">
            <dt className="text-sm text-muted-foreground">Privacy</dt>
            <dd className="py-1">
              <PrivacyGradeBadge rating={report.privacy.rating} />
            </dd>
            <dd className="text-xs text-muted-foreground">
              {report.privacy.breaches === 0
                ? "No breach known to you"
                : `${countOf(report.privacy.breaches, "known breach", "known breaches")}, the last on ${clock.day(report.privacy.lastBreachOn!)}`}
            </dd>
          </div>
        </dl>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link
            href={`/insights?companyId=${companyId}`}
            className="font-medium text-primary hover:underline"
          >
            Compare with your other companies
          </Link>
          <a
            href={`/api/exports/contacts.csv?companyId=${companyId}`}
            className="inline-flex items-center gap-1 font-medium text-primary hover:underline"
            download
          >
            <Download aria-hidden className="size-4" />
            Contacts with them (CSV)
          </a>
        </p>
      </CardContent>
    </Card>
  );
}
