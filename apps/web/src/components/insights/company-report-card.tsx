"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@caseward/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";

import { useTranslations } from "~/i18n/translations";
import { PrivacyGradeBadge } from "~/components/badges";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";
import { useFigureText } from "./figure-text";
import { DownloadLink, FigureGrid } from "./figures";

/** How the company treated the user: answers, deadlines, promises, time spent, privacy. */
export function CompanyReportCard({ companyId }: { companyId: string }) {
  const t = useTranslations("Insights.card");
  const {
    answersText,
    basisText,
    businessDaysText,
    minutesText,
    numberText,
    promisesText,
    shareText,
  } = useFigureText();
  const trpc = useTRPC();
  const clock = useClock();
  const { data: report } = useSuspenseQuery(
    trpc.insights.companyReport.queryOptions({ companyId }),
  );
  const { basis, timeToAnswer, windowsMissed, promises, timeToResolution } = report;
  const sinceMonth = basis.since ? clock.toInput(basis.since).slice(0, 7) : null;
  return (
    <Card
      id="report-card"
      role="region"
      className="scroll-mt-20 break-inside-avoid"
      aria-labelledby="report-card-title"
      data-print-document
    >
      <CardHeader>
        <CardTitle id="report-card-title">{t("title")}</CardTitle>
        <CardDescription>
          {basisText(basis.cases, sinceMonth)}
          {basis.cases > 0 &&
            t("basisMore", { resolved: basis.resolved, abandoned: basis.abandoned })}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <FigureGrid
          figures={[
            {
              label: t("timeToAnswer"),
              value: businessDaysText(timeToAnswer.medianBusinessDays),
              detail: answersText(timeToAnswer) ?? t("noAnswer"),
            },
            {
              label: t("windowsMissed"),
              value: shareText(windowsMissed.share),
              detail:
                windowsMissed.decided === 0
                  ? t("noWindow")
                  : t("windowsDetail", {
                      missed: windowsMissed.missed,
                      decided: windowsMissed.decided,
                    }),
            },
            {
              label: t("promisesKept"),
              value:
                promises.kept + promises.broken === 0
                  ? businessDaysText(null)
                  : t("keptOf", { kept: promises.kept, due: promises.kept + promises.broken }),
              detail: promisesText(promises),
            },
            {
              label: t("escalations"),
              value: numberText(report.escalations),
              detail: t("escalationsDetail"),
            },
            {
              label: t("timeToResolution"),
              value: businessDaysText(timeToResolution.medianBusinessDays),
              detail:
                timeToResolution.cases === 0
                  ? t("noneResolved")
                  : t("resolutionDetail", { resolved: basis.resolved }),
            },
            {
              label: t("contactsPerCase"),
              value:
                report.contactsPerResolvedCase === null
                  ? businessDaysText(null)
                  : numberText(report.contactsPerResolvedCase),
              detail:
                basis.resolved === 0
                  ? t("noneResolved")
                  : t("contactsDetail", { resolved: basis.resolved }),
            },
            {
              label: t("talk"),
              value: minutesText(report.talkMinutes),
              detail: t("talkDetail", { contacts: report.contacts }),
            },
            {
              label: t("privacy"),
              value: <PrivacyGradeBadge rating={report.privacy.rating} />,
              detail:
                report.privacy.breaches === 0
                  ? t("noBreach")
                  : t("breaches", {
                      count: report.privacy.breaches,
                      date: clock.day(report.privacy.lastBreachOn!),
                    }),
            },
          ]}
        />
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm print:hidden">
          <Link
            href={`/insights?companyId=${companyId}`}
            className="font-medium text-primary hover:underline"
          >
            {t("compare")}
          </Link>
          <DownloadLink href={`/api/exports/contacts.csv?companyId=${companyId}`}>
            {t("contactsCsv")}
          </DownloadLink>
        </p>
      </CardContent>
    </Card>
  );
}
