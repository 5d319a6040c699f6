/**
 * What the signed-in frame's client parts say (navigation, account menu, banners, the error
 * page): all the signed-in layout gives. Each segment adds its own (`client-segment.tsx`, the
 * dashboard's page); `client-namespaces.test.ts` checks that none is missing.
 */
export const frameNamespaces = ["ErrorPages", "Nav", "Shell"] as const;
