import type { CaseGroup, CaseListFilters } from "@caseward/core";
import { caseGroups, mostShownPerGroup } from "@caseward/core";

import { dashboardHref } from "./filter-params";

/** How many cases a group lists after "Show more", in the URL as `more=<group>.<count>`. */
export type Shown = Partial<Record<CaseGroup, number>>;
export const moreParam = "more";

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
