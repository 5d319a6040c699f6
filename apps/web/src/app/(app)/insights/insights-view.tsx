"use client";

import type { InsightPeriod, InsightsInput, InsightStatus } from "@caseward/core/schemas";
import {
  BarChart,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  NativeSelect,
  PageHeader,
} from "@caseward/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { BarChart3 } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";

import { useTranslations } from "~/i18n/translations";
import { useFigureText } from "~/components/insights/figure-text";
import { DownloadLink, FigureGrid } from "~/components/insights/figures";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

const periods: readonly InsightPeriod[] = ["3m", "6m", "12m", "all"];
const statuses: readonly InsightStatus[] = ["all", "active", "resolved", "abandoned"];

type Filters = { period: InsightPeriod; status: InsightStatus; companyId?: string };

function csvHref(filters: Filters, table: "months" | "companies" | "deadlines") {
  const params = new URLSearchParams({ table, period: filters.period, status: filters.status });
  if (filters.companyId) params.set("companyId", filters.companyId);
  return `/api/exports/insights.csv?${params.toString()}`;
}

function CsvLink({ href, what }: { href: string; what: string }) {
  const t = useTranslations("Insights");
  return <DownloadLink href={href}>{t("csv", { what })}</DownloadLink>;
}

interface RankedRow {
  id: string;
  name: string;
  value: string;
  detail: string;
  fraction: number;
}

/** A ranked list with a bar per company: the bar's length and the figure in words. */
function Ranking({ rows }: { rows: RankedRow[] }) {
  return (
    <ol className="space-y-3">
      {rows.map((row, index) => (
        <li key={row.id} className="space-y-1">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <span className="font-medium">
              {index + 1}. {row.name}
            </span>
            <span className="tabular-nums">{row.value}</span>
          </div>
          <div className="h-2 rounded-full bg-muted" aria-hidden>
            <div
              className="h-2 rounded-full bg-primary"
              style={{ width: `${Math.max(2, Math.round(row.fraction * 100))}%` }}
            />
          </div>
          <p className="text-xs text-muted-foreground">{row.detail}</p>
        </li>
      ))}
    </ol>
  );
}

/** A card ranking the companies by one figure, with what shows when none has it yet. */
function RankingCard({
  title,
  description,
  empty,
  rows,
  footer,
}: {
  title: string;
  description: string;
  empty: { title: string; description: string };
  rows: RankedRow[];
  footer: ReactNode;
}) {
  return (
    <Card className="min-w-0 break-inside-avoid">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        {rows.length === 0 ? (
          <EmptyState icon={<BarChart3 aria-hidden className="size-6" />} {...empty} />
        ) : (
          <Ranking rows={rows} />
        )}
        {footer}
      </CardContent>
    </Card>
  );
}

export function InsightsView({ filters }: { filters: Filters & InsightsInput }) {
  const t = useTranslations("Insights");
  const vocabulary = useTranslations("Vocabulary");
  const {
    answersText,
    businessDaysText,
    minutesText,
    monthAxisText,
    monthText,
    numberText,
    promisesText,
    shareText,
  } = useFigureText();
  const trpc = useTRPC();
  const clock = useClock();
  const { data: insights } = useSuspenseQuery(trpc.insights.overview.queryOptions(filters));
  const { data: companies } = useSuspenseQuery(trpc.company.list.queryOptions());
  const { months } = insights;
  const opened = months.reduce((sum, m) => sum + m.opened, 0);
  const resolved = months.reduce((sum, m) => sum + m.resolved, 0);
  const talk = months.reduce((sum, m) => sum + m.talkMinutes, 0);
  const period = t("period", {
    from: monthText(insights.fromMonth, "long"),
    to: monthText(insights.toMonth, "long"),
  });
  const categories = months.map((m) => ({
    key: m.month,
    label: monthText(m.month, "long"),
    shortLabel: monthAxisText(m.month),
  }));
  const busiest = [...months].sort((a, b) => b.talkMinutes - a.talkMinutes)[0];
  const slowest = insights.byTimeToAnswer.at(-1)?.timeToAnswer.medianBusinessDays ?? 0;

  return (
    <div className="space-y-6" data-print-document>
      <PageHeader title={t("title")} description={t("lead", { period, zone: clock.timeZone })} />
      <Form
        action="/insights"
        className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-2 lg:grid-cols-[repeat(3,minmax(0,14rem))_auto] print:hidden"
        aria-label={t("filters")}
      >
        <NativeSelect name="period" aria-label={t("periodLabel")} defaultValue={filters.period}>
          {periods.map((value) => (
            <option key={value} value={value}>
              {t(`periods.${value}`)}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect
          name="companyId"
          aria-label={t("companyLabel")}
          defaultValue={filters.companyId ?? ""}
        >
          <option value="">{t("allCompanies")}</option>
          {companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect name="status" aria-label={t("statusLabel")} defaultValue={filters.status}>
          {statuses.map((value) => (
            <option key={value} value={value}>
              {t(`statuses.${value}`)}
            </option>
          ))}
        </NativeSelect>
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </Form>

      <FigureGrid
        tiles
        className="min-[420px]:grid-cols-3"
        figures={[
          { label: t("opened"), value: numberText(opened) },
          { label: t("resolved"), value: numberText(resolved) },
          { label: t("talk"), value: minutesText(talk) },
        ]}
      />

      <div className="grid grid-cols-1 gap-6">
        <Card className="min-w-0 break-inside-avoid">
          <CardHeader>
            <CardTitle>{t("casesChart")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <BarChart
              title={t("casesChart")}
              summary={t("casesSummary", { opened, resolved, period })}
              categoryName={t("month")}
              categories={categories}
              series={[
                { key: "opened", label: t("seriesOpened") },
                { key: "resolved", label: t("seriesResolved") },
              ]}
              formatValue={numberText}
              values={{
                opened: months.map((m) => m.opened),
                resolved: months.map((m) => m.resolved),
              }}
            />
            <CsvLink href={csvHref(filters, "months")} what={t("months")} />
          </CardContent>
        </Card>
        <Card className="min-w-0 break-inside-avoid">
          <CardHeader>
            <CardTitle>{t("talkChart")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <BarChart
              title={t("talkChart")}
              summary={
                talk === 0
                  ? t("talkNone")
                  : t("talkSummary", {
                      total: minutesText(talk),
                      month: monthText(busiest!.month, "long"),
                      most: minutesText(busiest!.talkMinutes),
                    })
              }
              categoryName={t("month")}
              categories={categories}
              series={[{ key: "talk", label: t("talk") }]}
              values={{ talk: months.map((m) => m.talkMinutes) }}
              formatValue={minutesText}
              scaleValue={(minutes) => minutes / 60}
              unit={t("hoursUnit")}
            />
            <CsvLink href={csvHref(filters, "months")} what={t("months")} />
          </CardContent>
        </Card>
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <RankingCard
          title={t("quickestTitle")}
          description={t("quickestLead")}
          empty={{ title: t("quickestEmptyTitle"), description: t("quickestEmpty") }}
          rows={insights.byTimeToAnswer.map((company) => ({
            id: company.companyId,
            name: company.name,
            value: businessDaysText(company.timeToAnswer.medianBusinessDays),
            detail: t("quickestDetail", {
              answers: answersText(company.timeToAnswer) ?? "",
              share: shareText(company.windowsMissed.share),
            }),
            fraction: slowest === 0 ? 0 : company.timeToAnswer.medianBusinessDays! / slowest,
          }))}
          footer={<CsvLink href={csvHref(filters, "companies")} what={t("companies")} />}
        />
        <RankingCard
          title={t("promisesTitle")}
          description={t("promisesLead")}
          empty={{ title: t("promisesEmptyTitle"), description: t("promisesEmpty") }}
          rows={insights.byPromisesKept.map((company) => {
            const due = company.promises.kept + company.promises.broken;
            return {
              id: company.companyId,
              name: company.name,
              value: t("promisesValue", { kept: company.promises.kept, due }),
              detail: promisesText(company.promises),
              fraction: company.promises.kept / due,
            };
          })}
          footer={<CsvLink href={csvHref(filters, "companies")} what={t("companies")} />}
        />
      </div>

      <Card role="region" aria-labelledby="deadlines-title">
        <CardHeader>
          <CardTitle id="deadlines-title">{t("deadlinesTitle")}</CardTitle>
          <CardDescription>{t("deadlinesLead")}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-3">
          {insights.deadlines.length === 0 ? (
            <EmptyState
              icon={<BarChart3 aria-hidden className="size-6" />}
              title={t("deadlinesEmptyTitle")}
              description={t("deadlinesEmpty")}
            />
          ) : (
            <ul className="divide-y divide-border">
              {insights.deadlines.map((deadline) => (
                <li
                  key={deadline.id}
                  className="flex flex-wrap justify-between gap-x-4 gap-y-1 py-2"
                >
                  <Link href={`/cases/${deadline.caseId}`} className="min-w-0 hover:underline">
                    <span className="font-medium break-words">{deadline.caseTitle}</span>
                    <span className="text-muted-foreground"> · {deadline.companyName}</span>
                  </Link>
                  <span className="text-sm">
                    <span className={deadline.passed ? "font-semibold text-danger" : undefined}>
                      {deadline.passed ? t("passed") : ""}
                      {vocabulary(`deadline.${deadline.kind}`)}
                    </span>{" "}
                    <span className="text-muted-foreground">
                      {clock.countdown(deadline.countdown)}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            <CsvLink href={csvHref(filters, "deadlines")} what={t("deadlines")} />
            <CsvLink
              href={`/api/exports/contacts.csv${filters.companyId ? `?companyId=${filters.companyId}` : ""}`}
              what={t("allContacts")}
            />
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
