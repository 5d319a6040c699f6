import { caseListFilters } from "@caseward/core";
import type { CaseListFilters } from "@caseward/core";
import { casePriorities, caseStatuses } from "@caseward/core/schemas";
import { Button, EmptyState, PageHeader } from "@caseward/ui";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { OpenCaseDialog } from "~/components/open-case-dialog";
import { ClientMessages } from "~/i18n/client-messages";
import { Building2Icon, FolderOpenIcon, SearchXIcon } from "~/components/plain-icons";
import type { SearchParams } from "~/lib/search-params";
import { filtersFromLink } from "~/lib/search-params";
import { requireSession } from "~/server/auth";
import { getQueryClient, trpc } from "~/trpc/server";
import { CaseGroups } from "./_dashboard/case-groups";
import { dashboardNamespaces } from "./_dashboard/client-namespaces";
import { filterParams, hasFilters } from "./_dashboard/filter-params";
import { firstShown, moreParam, shownFromLink } from "./_dashboard/show-more-link";
import { ClearFiltersButton, DashboardControls } from "./dashboard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Dashboard");
  return { title: t("title") };
}

/**
 * The dashboard, rendered on the server: its rows carry no script. The filters, "Show more"
 * and the new-case dialog are the client's; each change is a new URL the server renders.
 */
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireSession();
  const params = await searchParams;
  const filters: CaseListFilters = filtersFromLink(caseListFilters, params, filterParams);
  const shown = shownFromLink(params[moreParam]);
  const queryClient = getQueryClient();
  const [list, companies, t, vocabulary, tp] = await Promise.all([
    queryClient.fetchQuery(
      trpc.dashboard.cases.queryOptions({ ...filters, shown: { ...firstShown, ...shown } }),
    ),
    queryClient.fetchQuery(trpc.company.list.queryOptions()),
    getTranslations("Dashboard"),
    getTranslations("Vocabulary"),
    getTranslations("Dashboard.priority"),
  ]);
  const filtered = hasFilters(filters);
  const companyOptions = companies.map(({ id, name }) => ({ id, name }));

  return (
    <ClientMessages namespaces={dashboardNamespaces}>
      <div className="space-y-6">
        <PageHeader
          title={t("title")}
          description={t("description")}
          actions={companies.length > 0 ? <OpenCaseDialog companies={companyOptions} /> : undefined}
        />
        {companies.length === 0 ? (
          <EmptyState
            icon={<Building2Icon aria-hidden className="size-6" />}
            title={t("startTitle")}
            description={t("startText")}
            action={
              <Button asChild>
                <Link href="/companies">{t("addCompany")}</Link>
              </Button>
            }
          />
        ) : list.total === 0 && !filtered ? (
          <EmptyState
            icon={<FolderOpenIcon aria-hidden className="size-6" />}
            title={t("noCasesTitle")}
            description={t("noCasesText")}
            action={<OpenCaseDialog companies={companyOptions} />}
          />
        ) : (
          <DashboardControls
            filters={filters}
            companies={companyOptions}
            statuses={caseStatuses.map((value) => ({
              value,
              label: vocabulary(`caseStatus.${value}`),
            }))}
            priorities={casePriorities.map((value) => ({ value, label: tp(value) }))}
            total={list.total}
          >
            {list.total === 0 ? (
              <EmptyState
                icon={<SearchXIcon aria-hidden className="size-6" />}
                title={t("noMatchTitle")}
                description={filters.q ? t("noMatchSearched") : t("noMatchFiltered")}
                action={<ClearFiltersButton />}
              />
            ) : (
              <CaseGroups
                list={list}
                filters={filters}
                shown={shown}
                filtered={filtered}
                searched={Boolean(filters.q)}
              />
            )}
          </DashboardControls>
        )}
      </div>
    </ClientMessages>
  );
}
