/**
 * What the dashboard's client parts say: the filters, and of the new-case dialog only its
 * button, title and the form's loading and failure sentences ("Namespace.key": that message
 * alone). The form brings its own words when it is opened (`open-case-words.ts`); the frame's
 * are the layout's (`frame-namespaces.ts`).
 */
export const dashboardNamespaces = [
  "CaseDialogs.openCase",
  "CaseDialogs.openCaseDescription",
  "CaseDialogs.openCaseLoading",
  "CaseDialogs.openCaseLoadFailed",
  "DashboardFilters",
] as const;
