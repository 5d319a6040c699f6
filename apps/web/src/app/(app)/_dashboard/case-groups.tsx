import type { CaseGroup, CaseList, CaseListFilters } from "@caseward/core";
import { calendarOf } from "@caseward/core";
import { Card } from "@caseward/ui";
import { getTranslations } from "next-intl/server";
import { cache } from "react";

import {
  BanIcon,
  CircleAlertIcon,
  CircleCheckIcon,
  HourglassIcon,
  ReplyIcon,
} from "~/components/plain-icons";
import { requireSession } from "~/server/auth";
import { requestSettings } from "~/server/clock";
import { getUserClock } from "~/server/user-clock";
import { CaseLinks } from "./case-links";
import { CaseRow } from "./case-row";
import type { Shown } from "./show-more-link";
import { showMoreHref } from "./show-more-link";
import { ShowMoreButton } from "./show-more";

const icons: Record<CaseGroup, React.ReactNode> = {
  needs_attention: <CircleAlertIcon aria-hidden className="size-4 text-danger" />,
  waiting_company: <HourglassIcon aria-hidden className="size-4 text-info" />,
  waiting_me: <ReplyIcon aria-hidden className="size-4 text-warning" />,
  resolved: <CircleCheckIcon aria-hidden className="size-4 text-success" />,
  abandoned: <BanIcon aria-hidden className="size-4 text-muted-foreground" />,
};

const openGroups = ["needs_attention", "waiting_company", "waiting_me"] as const;
const closedGroups = ["resolved", "abandoned"] as const;

/**
 * The user's business calendar for the rows' countdowns (the list sends each deadline's kind
 * and due time only), and the one moment they count from. Settings are read once a request.
 */
const getCountdownBasis = cache(async () => {
  const session = await requireSession();
  return { calendar: calendarOf(await requestSettings(session.user.id)), now: new Date() };
});

/** How many more "Show more" lists at a time. */
export const morePerClick = 20;

interface GroupsProps {
  list: CaseList;
  filters: CaseListFilters;
  /** How many each group lists after "Show more" (in the URL). */
  shown: Shown;
  /** Any filter or search: an empty group then says nothing rather than explain itself. */
  filtered: boolean;
  /** A search: groups list their best matches first. */
  searched: boolean;
}

/**
 * The dashboard's groups: the three open ones in one list, then the closed ones. Each lists its
 * first cases with the count of all; "Show more" is a link to the same page listing more.
 */
export async function CaseGroups(props: GroupsProps) {
  const t = await getTranslations("Dashboard");
  return (
    <CaseLinks className="space-y-8">
      <ul aria-label={t("openCases")} className="space-y-8">
        {openGroups.map((group) => (
          <li key={group}>
            <GroupSection group={group} {...props} />
          </li>
        ))}
      </ul>
      <ul aria-label={t("closedCases")} className="space-y-8">
        {closedGroups.map((group) => (
          <li key={group}>
            <GroupSection group={group} {...props} />
          </li>
        ))}
      </ul>
    </CaseLinks>
  );
}

async function GroupSection({
  group,
  list,
  filters,
  shown,
  filtered,
  searched,
}: GroupsProps & { group: CaseGroup }) {
  const [t, clock, { calendar, now }] = await Promise.all([
    getTranslations("Dashboard"),
    getUserClock(),
    getCountdownBasis(),
  ]);
  const rows = list.groups[group];
  const count = list.counts[group];
  const more = Math.min(morePerClick, count - rows.length);
  const headingId = `group-${group}`;
  const title = t(`groups.${group}.title`);
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2
          id={headingId}
          className="flex items-center gap-2 text-base font-semibold tracking-tight"
        >
          {icons[group]}
          {title}
          <span className="rounded-full bg-muted px-2 py-0.5 text-xs font-medium text-muted-foreground tabular-nums">
            {count}
            <span className="sr-only"> {t("countWord", { count })}</span>
          </span>
        </h2>
        <p className="text-sm text-muted-foreground">
          {searched && rows.length < count ? t("bestMatches") : t(`groups.${group}.description`)}
        </p>
      </div>
      {rows.length === 0 ? (
        !filtered && (
          <p className="rounded-xl border border-dashed border-border px-4 py-3 text-sm text-muted-foreground">
            {t(`groups.${group}.empty`)}
          </p>
        )
      ) : (
        <Card className="overflow-hidden p-0">
          <ul aria-label={title} className="divide-y divide-border">
            {/* Keyed by position: a row holds no state, and a case's id as a key would be a
                third copy of it in the page (its link, written twice, has the others). */}
            {rows.map((item, index) => (
              <li key={index}>
                <CaseRow
                  item={item}
                  companyName={list.companies[item.companyId]?.name ?? ""}
                  clock={clock}
                  calendar={calendar}
                  now={now}
                  t={t}
                />
              </li>
            ))}
          </ul>
          {more > 0 && (
            <div className="flex flex-wrap items-center justify-between gap-2 border-t border-border px-4 py-2">
              <p className="text-sm text-muted-foreground tabular-nums">
                {t("showing", { shown: rows.length, count })}
              </p>
              <ShowMoreButton
                href={showMoreHref(filters, { ...shown, [group]: rows.length + more })}
                label={t("showMore", { more })}
                fullLabel={t("showMoreIn", { more, group: title })}
              />
            </div>
          )}
        </Card>
      )}
    </section>
  );
}
