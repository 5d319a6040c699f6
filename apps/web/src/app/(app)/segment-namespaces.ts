/**
 * What each signed-in segment's client parts say, given by its layout (`client-segment.tsx`)
 * on top of the frame's: a page then carries these words, not the whole catalogue (~88 KB of
 * its HTML). `client-namespaces.test.ts` finds them from the segment's pages and fails when a
 * client part reads one that is not listed here.
 */
export const segmentNamespaces = {
  cases: [
    "Attachments",
    "Badges",
    "CaseActions",
    "CaseDialogs",
    "ChannelValue",
    "Common",
    "ContactActions",
    "ContactForm",
    "ContactSession",
    "CopyAddress",
    "Disclosures",
    "Forms",
    "Questions",
    "ResponseWindow",
    "Vocabulary",
  ],
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
