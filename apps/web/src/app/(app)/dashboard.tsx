"use client";

import type { CaseGroup, CaseListFilters, CaseListInput } from "@caseward/core";
import { Button, EmptyState, PageHeader, cn } from "@caseward/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Building2, FolderOpen, SearchX } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";

import { OpenCaseDialog } from "~/components/open-case-dialog";
import { useTRPC } from "~/trpc/react";
import { CaseFilters } from "./_dashboard/case-filters";
import { CaseGroups } from "./_dashboard/case-groups";
import { dashboardHref, hasFilters } from "./_dashboard/filter-params";

type Shown = NonNullable<CaseListInput["shown"]>;

export function Dashboard({ filters }: { filters: CaseListFilters }) {
  const trpc = useTRPC();
  // How many cases each group lists after "Show more"; back to the first ones on new filters.
  const filtersKey = dashboardHref(filters);
  const [paging, setPaging] = useState<{ filtersKey: string; shown: Shown }>({
    filtersKey,
    shown: {},
  });
  if (paging.filtersKey !== filtersKey) setPaging({ filtersKey, shown: {} });
  const shown = paging.filtersKey === filtersKey ? paging.shown : {};
  const { data: list } = useSuspenseQuery(
    trpc.dashboard.cases.queryOptions(
      Object.keys(shown).length > 0 ? { ...filters, shown } : filters,
    ),
  );
  const [loadingMore, setLoadingMore] = useState<CaseGroup | null>(null);
  const [showingMore, startShowingMore] = useTransition();
  const showMore = (group: CaseGroup, count: number) => {
    setLoadingMore(group);
    // A transition: the list stays on screen while the longer one loads.
    startShowingMore(() => setPaging({ filtersKey, shown: { ...shown, [group]: count } }));
  };
  const { data: companies } = useSuspenseQuery(trpc.company.list.queryOptions());

  // The filters live in the URL: a link shares them, and the page renders them on the server.
  // Replace, not push: Back leaves the dashboard instead of replaying every keystroke.
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const applyFilters = useCallback(
    (next: CaseListFilters) =>
      startTransition(() => router.replace(dashboardHref(next), { scroll: false })),
    [router],
  );
  const clearFilters = () => applyFilters({});
  const filtered = hasFilters(filters);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Cases"
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
      ) : list.total === 0 && !filtered ? (
        <EmptyState
          icon={<FolderOpen aria-hidden className="size-6" />}
          title="No cases yet"
          description="Open a case for each problem you need solved: a refund, a dispute, an outage. Caseward keeps track of who said what, and tells you when a company goes quiet."
          action={<OpenCaseDialog companies={companies} />}
        />
      ) : (
        <>
          <div className="space-y-3">
            <CaseFilters
              filters={filters}
              companies={companies}
              onChange={applyFilters}
              pending={pending}
            />
            {filtered && (
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
                {/* Always there, so screen readers hear each new count; the empty state shows 0. */}
                <p aria-live="polite" className={cn(list.total === 0 && "sr-only")}>
                  {list.total === 1
                    ? "1 case matches"
                    : `${list.total.toLocaleString("en")} cases match`}
                </p>
                {list.total > 0 && (
                  <Button variant="ghost" size="sm" onClick={clearFilters}>
                    Clear filters
                  </Button>
                )}
              </div>
            )}
          </div>
          <div
            className={cn("transition-opacity", pending && "opacity-60")}
            aria-busy={pending || undefined}
          >
            {list.total === 0 ? (
              <EmptyState
                icon={<SearchX aria-hidden className="size-6" />}
                title="No cases match"
                description={
                  filters.q
                    ? "No title, note, transcript or question has those words with these filters. Try other words, or clear the filters."
                    : "No case has this company, status and priority together."
                }
                action={
                  <Button variant="outline" onClick={clearFilters}>
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <CaseGroups
                list={list}
                filtered={filtered}
                searched={Boolean(filters.q)}
                onShowMore={showMore}
                loadingMore={showingMore ? loadingMore : null}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}
