/**
 * What the signed-in frame's client parts say (navigation, account menu, banners, the error
 * page): all the signed-in layout gives. Where they read only some keys of a namespace, only
 * those (`"Shell.resend"`): the banner's sentence and the 404 page's words are written on the
 * server. Each segment adds its own (`client-segment.tsx`, the dashboard's page);
 * `client-namespaces.test.ts` checks that none is missing and none is given unread.
 */
export const frameNamespaces = [
  "ErrorPages.failed",
  "ErrorPages.failedTitle",
  "ErrorPages.notFound",
  "ErrorPages.notFoundTitle",
  "ErrorPages.tryAgain",
  "Nav",
  "Shell.emailChanged",
  "Shell.emailConfirmed",
  "Shell.emailConfirmedTitle",
  "Shell.resend",
  "Shell.resendFailed",
  "Shell.resent",
  "Shell.verifyTitle",
] as const;

/** The namespaces the frame gives, whole or in part: a segment gives none of them again. */
export const frameNamespaceNames = [
  ...new Set(frameNamespaces.map((name) => name.split(".")[0]!)),
] as readonly string[];
