"use client";

import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  PageHeader,
} from "@caseward/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Building2, ChevronRight, Globe } from "lucide-react";
import Link from "next/link";

import { useTranslations } from "~/i18n/translations";
import { CompanyForm } from "~/components/company-form";
import { useTRPC } from "~/trpc/react";

export function CompanyDirectory() {
  const t = useTranslations("Companies");
  const trpc = useTRPC();
  const { data: companies } = useSuspenseQuery(trpc.company.list.queryOptions());
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("lead")} />
      <Card>
        <CardHeader>
          <CardTitle>{t("addTitle")}</CardTitle>
          <CardDescription>{t("addLead")}</CardDescription>
        </CardHeader>
        <CardContent>
          <CompanyForm />
        </CardContent>
      </Card>
      {companies.length === 0 ? (
        <EmptyState
          icon={<Building2 aria-hidden className="size-6" />}
          title={t("emptyTitle")}
          description={t("emptyLead")}
        />
      ) : (
        <ul
          aria-label={t("listLabel")}
          className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3"
        >
          {companies.map((company) => (
            <li key={company.id}>
              <Link
                href={`/companies/${company.id}`}
                className="group block rounded-xl border border-border bg-card p-4 transition-colors hover:border-primary/50 focus-visible:outline-2 focus-visible:outline-ring"
              >
                <p className="flex items-center justify-between font-medium">
                  {company.name}
                  <ChevronRight
                    aria-hidden
                    className="size-4 text-muted-foreground group-hover:text-primary"
                  />
                </p>
                <p className="mt-1 flex items-start gap-1 text-sm break-all text-muted-foreground">
                  <Globe aria-hidden className="mt-0.5 size-3.5 shrink-0" />
                  <span>
                    <span className="sr-only">{t("officialDomains")}</span>
                    {company.officialDomains.join(", ")}
                  </span>
                </p>
                <p className="mt-3 text-sm text-muted-foreground">
                  {t("counts", {
                    channels: company.channelCount,
                    cases: company.openCaseCount,
                  })}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
