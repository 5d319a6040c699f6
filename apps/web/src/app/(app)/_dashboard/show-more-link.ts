import type { CaseGroup, CaseListFilters } from "@caseward/core";
import { caseGroups, mostShownPerGroup } from "@caseward/core";

import { dashboardHref } from "./filter-params";

/** How many cases a group lists after "Show more", in the URL as `more=<group>.<count>`. */
export type Shown = Partial<Record<CaseGroup, number>>;
export const moreParam = "more";

/**
 * How many cases each group lists before "Show more": the open groups ten, the closed ones
 * five. The first page of a person with 100 cases was ~75 rows (1,000 DOM nodes, their markup
 * sent twice: the HTML and React's payload) on a phone that shows four at a time.
 */
export const firstShown: Record<CaseGroup, number> = {
  needs_attention: 10,
  waiting_company: 10,
  waiting_me: 10,
  resolved: 5,
  abandoned: 5,
};

/** The groups' "Show more" counts from the link; what makes no sense is dropped. */
export function shownFromLink(value: string | string[] | undefined): Shown {
  const shown: Shown = {};
  for (const item of Array.isArray(value) ? value : value ? [value] : []) {
    const [group, count] = item.split(".");
    const n = Number(count);
    if (caseGroups.includes(group as CaseGroup) && Number.isInteger(n) && n >= 1) {
      shown[group as CaseGroup] = Math.min(n, mostShownPerGroup);
    }
  }
  return shown;
}

/** The dashboard's address with these filters and groups shown longer. */
export function showMoreHref(filters: CaseListFilters, shown: Shown) {
  const base = dashboardHref(filters);
  const more = Object.entries(shown).map(
    ([group, count]) => `${moreParam}=${encodeURIComponent(`${group}.${count}`)}`,
  );
  if (more.length === 0) return base;
  return `${base}${base.includes("?") ? "&" : "?"}${more.join("&")}`;
}
