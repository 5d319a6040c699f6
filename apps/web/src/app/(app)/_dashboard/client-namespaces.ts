/**
 * What the dashboard's client parts say: the filters, and the new-case dialog with its form
 * (loaded on use: its fields, their error messages, the priorities' names). The frame's are the
 * layout's (`frame-namespaces.ts`).
 */
export const dashboardNamespaces = [
  "CaseDialogs",
  "DashboardFilters",
  "Forms",
  "Vocabulary",
] as const;
