"use client";

import type { InsightPeriod, InsightsInput, InsightStatus } from "@caseward/core/schemas";
import { countOf, deadlineLabels } from "@caseward/core/schemas";
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

import {
  answersText,
  businessDaysText,
  minutesText,
  monthText,
  promisesText,
  shareText,
} from "~/components/insights/figure-text";
import { DownloadLink, FigureGrid } from "~/components/insights/figures";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

const periodLabels: Record<InsightPeriod, string> = {
  "3m": "Last 3 months",
  "6m": "Last 6 months",
  "12m": "Last 12 months",
  all: "All time",
};
const statusLabels: Record<InsightStatus, string> = {
  all: "All cases",
  active: "Open cases",
  resolved: "Resolved cases",
  abandoned: "Given-up cases",
};

type Filters = { period: InsightPeriod; status: InsightStatus; companyId?: string };

function csvHref(filters: Filters, table: "months" | "companies" | "deadlines") {
  const params = new URLSearchParams({ table, period: filters.period, status: filters.status });
  if (filters.companyId) params.set("companyId", filters.companyId);
  return `/api/exports/insights.csv?${params.toString()}`;
}

function CsvLink({ href, what }: { href: string; what: string }) {
  return <DownloadLink href={href}>{what} (CSV)</DownloadLink>;
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
  const trpc = useTRPC();
  const clock = useClock();
  const { data: insights } = useSuspenseQuery(trpc.insights.overview.queryOptions(filters));
  const { data: companies } = useSuspenseQuery(trpc.company.list.queryOptions());
  const { months } = insights;
  const opened = months.reduce((sum, m) => sum + m.opened, 0);
  const resolved = months.reduce((sum, m) => sum + m.resolved, 0);
  const talk = months.reduce((sum, m) => sum + m.talkMinutes, 0);
  const period = `${monthText(insights.fromMonth, "long")} to ${monthText(insights.toMonth, "long")}`;
  const categories = months.map((m) => ({
    key: m.month,
    label: monthText(m.month, "long"),
    shortLabel: monthText(m.month).split(" ")[0],
  }));
  const busiest = [...months].sort((a, b) => b.talkMinutes - a.talkMinutes)[0];
  const slowest = insights.byTimeToAnswer.at(-1)?.timeToAnswer.medianBusinessDays ?? 0;

  return (
    <div className="space-y-6" data-print-document>
      <PageHeader
        title="How companies treat you"
        description={`Who answers, who keeps their word, and where your hours went: ${period}. Times are business time on your calendar (${clock.timeZone}).`}
      />
      <Form
        action="/insights"
        className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-2 lg:grid-cols-[repeat(3,minmax(0,14rem))_auto] print:hidden"
        aria-label="Filter the insights"
      >
        <NativeSelect name="period" aria-label="Period" defaultValue={filters.period}>
          {Object.entries(periodLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect name="companyId" aria-label="Company" defaultValue={filters.companyId ?? ""}>
          <option value="">All companies</option>
          {companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect name="status" aria-label="Status" defaultValue={filters.status}>
          {Object.entries(statusLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </NativeSelect>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </Form>

      <FigureGrid
        tiles
        className="min-[420px]:grid-cols-3"
        figures={[
          { label: "Cases opened", value: String(opened) },
          { label: "Cases resolved", value: String(resolved) },
          { label: "Time on calls and chats", value: minutesText(talk) },
        ]}
      />

      <div className="grid grid-cols-1 gap-6">
        <Card className="min-w-0 break-inside-avoid">
          <CardHeader>
            <CardTitle>Cases opened and resolved, per month</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <BarChart
              title="Cases opened and resolved, per month"
              summary={`${countOf(opened, "case")} opened and ${resolved} resolved from ${period}.`}
              categoryName="Month"
              categories={categories}
              series={[
                { key: "opened", label: "Opened" },
                { key: "resolved", label: "Resolved" },
              ]}
              values={{
                opened: months.map((m) => m.opened),
                resolved: months.map((m) => m.resolved),
              }}
            />
            <CsvLink href={csvHref(filters, "months")} what="Months" />
          </CardContent>
        </Card>
        <Card className="min-w-0 break-inside-avoid">
          <CardHeader>
            <CardTitle>Time on calls and chats, per month</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <BarChart
              title="Time on calls and chats, per month"
              summary={
                talk === 0
                  ? "No call or chat with an end time in this period."
                  : `${minutesText(talk)} in all; the most in ${monthText(busiest!.month, "long")} (${minutesText(busiest!.talkMinutes)}).`
              }
              categoryName="Month"
              categories={categories}
              series={[{ key: "talk", label: "Time on calls and chats" }]}
              values={{ talk: months.map((m) => m.talkMinutes) }}
              formatValue={minutesText}
              scaleValue={(minutes) => minutes / 60}
              unit="h"
            />
            <CsvLink href={csvHref(filters, "months")} what="Months" />
          </CardContent>
        </Card>
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <RankingCard
          title="Quickest to answer"
          description="Median business time from what you sent to their first answer."
          empty={{
            title: "No answers yet",
            description: "A company shows here once it has answered something you sent.",
          }}
          rows={insights.byTimeToAnswer.map((company) => ({
            id: company.companyId,
            name: company.name,
            value: businessDaysText(company.timeToAnswer.medianBusinessDays),
            detail: `${answersText(company.timeToAnswer)}; ${shareText(company.windowsMissed.share)} of response windows missed`,
            fraction: slowest === 0 ? 0 : company.timeToAnswer.medianBusinessDays! / slowest,
          }))}
          footer={<CsvLink href={csvHref(filters, "companies")} what="Companies" />}
        />
        <RankingCard
          title="Best at keeping promises"
          description="Promises with a date that came due: kept on time, out of all that came due."
          empty={{
            title: "No promise has come due yet",
            description: "Note a promised follow-up with a date in a contact, and it counts here.",
          }}
          rows={insights.byPromisesKept.map((company) => {
            const due = company.promises.kept + company.promises.broken;
            return {
              id: company.companyId,
              name: company.name,
              value: `${company.promises.kept} of ${due} kept`,
              detail: promisesText(company.promises),
              fraction: company.promises.kept / due,
            };
          })}
          footer={<CsvLink href={csvHref(filters, "companies")} what="Companies" />}
        />
      </div>

      <Card role="region" aria-labelledby="deadlines-title">
        <CardHeader>
          <CardTitle id="deadlines-title">Deadlines closest or passed</CardTitle>
          <CardDescription>Open cases waiting on a company, the most urgent first.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-3">
          {insights.deadlines.length === 0 ? (
            <EmptyState
              icon={<BarChart3 aria-hidden className="size-6" />}
              title="No open deadline"
              description="No open case is waiting on a company's answer or promise."
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
                      {deadline.passed ? "Passed: " : ""}
                      {deadlineLabels[deadline.kind]}
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
            <CsvLink href={csvHref(filters, "deadlines")} what="Deadlines" />
            <CsvLink
              href={`/api/exports/contacts.csv${filters.companyId ? `?companyId=${filters.companyId}` : ""}`}
              what="All contacts"
            />
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
