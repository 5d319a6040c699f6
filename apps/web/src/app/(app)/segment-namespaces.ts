/**
 * What each signed-in segment's client parts say, given by its layout (`client-segment.tsx`)
 * on top of the frame's: a page then carries these words, not the whole catalogue (~88 KB of
 * its HTML). The cases segment's pages give their own (`cases/page-namespaces.ts`).
 * `client-namespaces.test.ts` finds them from the segment's pages and fails when a client part
 * reads one that is not listed here.
 */
export const segmentNamespaces = {
  companies: [
    "Badges",
    "Breaches",
    "CaseDialogs",
    "ChannelLadder",
    "ChannelValue",
    "Companies",
    "CompanyForm",
    "CompanyPage",
    "ComplaintBody",
    "Disclosures",
    "Forms",
    "Insights",
    "Privacy",
    "Vocabulary",
  ],
  dev: [],
  inbox: ["Inbox"],
  insights: ["Insights", "Vocabulary"],
  privacy: ["ChannelValue", "Disclosures", "Privacy", "Vocabulary"],
  settings: [
    "Common",
    "CopyAddress",
    "Forms",
    "RegionFields",
    "Settings",
    "SettingsAccount",
    "SettingsSecurity",
  ],
} as const satisfies Record<string, readonly string[]>;

export type Segment = keyof typeof segmentNamespaces;
