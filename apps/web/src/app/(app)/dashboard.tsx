"use client";

import type { CaseListFilters } from "@caseward/core";
import { Button, cn } from "@caseward/ui";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { createContext, useCallback, useContext, useTransition } from "react";

import type { Option } from "./_dashboard/case-filters";
import { CaseFilters } from "./_dashboard/case-filters";
import { dashboardHref, hasFilters } from "./_dashboard/filter-params";

import { useTranslations } from "~/i18n/translations";

const ApplyFilters = createContext<(filters: CaseListFilters) => void>(() => {});

/**
 * The dashboard's client part: the search and filters, the count of matches, and the list
 * (rendered on the server, given as children) dimmed while the next one loads.
 */
export function DashboardControls({
  filters,
  companies,
  statuses,
  priorities,
  total,
  children,
}: {
  filters: CaseListFilters;
  companies: { id: string; name: string }[];
  statuses: Option[];
  priorities: Option[];
  total: number;
  children: ReactNode;
}) {
  const t = useTranslations("DashboardFilters");
  // The filters live in the URL: a link shares them, and the page renders them on the server.
  // Replace, not push: Back leaves the dashboard instead of replaying every keystroke.
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const applyFilters = useCallback(
    (next: CaseListFilters) =>
      startTransition(() => router.replace(dashboardHref(next), { scroll: false })),
    [router],
  );
  const filtered = hasFilters(filters);
  return (
    <ApplyFilters value={applyFilters}>
      <div className="space-y-3">
        <CaseFilters
          filters={filters}
          companies={companies}
          statuses={statuses}
          priorities={priorities}
          onChange={applyFilters}
          pending={pending}
        />
        {filtered && (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
            {/* Always there, so screen readers hear each new count; the empty state shows 0. */}
            <p aria-live="polite" className={cn(total === 0 && "sr-only")}>
              {t("matches", { count: total })}
            </p>
            {total > 0 && (
              <Button variant="ghost" size="sm" onClick={() => applyFilters({})}>
                {t("clearFilters")}
              </Button>
            )}
          </div>
        )}
      </div>
      <div
        className={cn("transition-opacity", pending && "opacity-60")}
        aria-busy={pending || undefined}
      >
        {children}
      </div>
    </ApplyFilters>
  );
}

/** "Clear filters" where no case matches them. */
export function ClearFiltersButton() {
  const t = useTranslations("DashboardFilters");
  const applyFilters = useContext(ApplyFilters);
  return (
    <Button variant="outline" onClick={() => applyFilters({})}>
      {t("clearFilters")}
    </Button>
  );
}
