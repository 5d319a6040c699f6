"use client";

import { countOf } from "@caseward/core/schemas";
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

import { CompanyForm } from "~/components/company-form";
import { useTRPC } from "~/trpc/react";

export function CompanyDirectory() {
  const trpc = useTRPC();
  const { data: companies } = useSuspenseQuery(trpc.company.list.queryOptions());
  return (
    <div className="space-y-6">
      <PageHeader
        title="Companies"
        description="The businesses you deal with, their official website and the channels you found for them."
      />
      <Card>
        <CardHeader>
          <CardTitle>Add a company</CardTitle>
          <CardDescription>
            Caseward checks every channel you add against the official website&apos;s domain.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CompanyForm />
        </CardContent>
      </Card>
      {companies.length === 0 ? (
        <EmptyState
          icon={<Building2 aria-hidden className="size-6" />}
          title="No companies yet"
          description="Add the first company you need to contact, using the website address printed on a bill, a statement or the back of your card."
        />
      ) : (
        <ul aria-label="Companies" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
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
                    <span className="sr-only">Official domains: </span>
                    {company.officialDomains.join(", ")}
                  </span>
                </p>
                <p className="mt-3 text-sm text-muted-foreground">
                  {countOf(company.channelCount, "channel")} ·{" "}
                  {countOf(company.openCaseCount, "open case")}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
