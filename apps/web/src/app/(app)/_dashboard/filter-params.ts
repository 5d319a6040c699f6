import type { CaseListFilters } from "@caseward/core";

/** The dashboard's filters in its URL: short names, so a shared link stays readable. */
export const filterParams = {
  companyId: "company",
  status: "status",
  priority: "priority",
  q: "q",
} as const satisfies Record<keyof CaseListFilters, string>;

/** The dashboard's address with these filters; "/" when there are none. */
export function dashboardHref(filters: CaseListFilters) {
  const params = new URLSearchParams();
  for (const [field, param] of Object.entries(filterParams)) {
    const value = filters[field as keyof CaseListFilters]?.trim();
    if (value) params.set(param, value);
  }
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

export const hasFilters = (filters: CaseListFilters) =>
  Object.values(filters).some((value) => typeof value === "string" && value.trim() !== "");
