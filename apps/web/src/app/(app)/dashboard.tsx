"use client";

import { casePriorityLabels } from "@caseward/core/schemas";
import { Badge, Button, Card, EmptyState, PageHeader } from "@caseward/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Building2, ChevronRight, FolderOpen } from "lucide-react";
import Link from "next/link";

import { CaseStatusBadge } from "~/components/badges";
import { OpenCaseDialog } from "~/components/open-case-dialog";
import { timeAgo } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

export function Dashboard() {
  const trpc = useTRPC();
  const { data: openCases } = useSuspenseQuery(trpc.case.listOpen.queryOptions());
  const { data: companies } = useSuspenseQuery(trpc.company.list.queryOptions());

  return (
    <div className="space-y-6">
      <PageHeader
        title="Open cases"
        description="Every support case you have going, across companies."
        actions={companies.length > 0 ? <OpenCaseDialog companies={companies} /> : undefined}
      />
      {companies.length === 0 ? (
        <EmptyState
          icon={<Building2 aria-hidden className="size-6" />}
          title="Start with a company"
          description="Add the company you need to deal with and its official website. Then add the channels you found for it and open a case."
          action={
            <Button asChild>
              <Link href="/companies">Add a company</Link>
            </Button>
          }
        />
      ) : openCases.length === 0 ? (
        <EmptyState
          icon={<FolderOpen aria-hidden className="size-6" />}
          title="No open cases"
          description="Open a case for each problem you need solved: a refund, a dispute, an outage."
          action={<OpenCaseDialog companies={companies} />}
        />
      ) : (
        <Card className="divide-y divide-border overflow-hidden p-0">
          <ul aria-label="Open cases" className="divide-y divide-border">
            {openCases.map((item) => (
              <li key={item.id}>
                <Link
                  href={`/cases/${item.id}`}
                  className="flex items-center gap-4 px-4 py-3 transition-colors hover:bg-muted/60 focus-visible:bg-muted/60 focus-visible:outline-none"
                >
                  <div className="min-w-0 flex-1 space-y-1">
                    <p className="truncate font-medium">{item.title}</p>
                    <p className="flex flex-wrap items-center gap-x-2 text-sm text-muted-foreground">
                      <span>{item.company.name}</span>
                      <span aria-hidden>·</span>
                      <span>
                        {item.lastContactAt
                          ? `Last contact ${timeAgo(item.lastContactAt)}`
                          : "No contact yet"}
                      </span>
                    </p>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-1 sm:flex-row sm:items-center sm:gap-2">
                    {item.priority === "high" && (
                      <Badge variant="warning">{casePriorityLabels.high} priority</Badge>
                    )}
                    <CaseStatusBadge status={item.status} />
                  </div>
                  <ChevronRight aria-hidden className="size-4 shrink-0 text-muted-foreground" />
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
