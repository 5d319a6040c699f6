/**
 * What the client parts of each case page say. The cases segment gives no words of its own
 * (`layout.tsx`): each page gives its own, because the contact session, the page a person opens
 * while on hold, reads about half of what the case page reads (not its dialogs, contact forms,
 * questions or attachments) and its document is sent before anything shows on a phone. Where a
 * page reads only some keys of a namespace (the session: 17 of Disclosures' 45, 6 of the
 * vocabulary's 13 groups; both: 3 of Forms' 4, not the new password's hint), it gives only
 * those (`"Disclosures.yes"`).
 * `client-namespaces.test.ts` finds them from each page's client parts and fails when one reads
 * a namespace or key that is not listed here, or one is listed that none reads.
 */
export const casePageNamespaces = {
  case: [
    "Attachments",
    "CaseActions",
    "CaseDialogs",
    "ChannelValue",
    "Common",
    "ContactActions",
    "ContactForm",
    "CopyAddress",
    "Disclosures",
    "Forms.andMore",
    "Forms.keepLastDigits",
    "Forms.notSaved",
    "Questions",
    "ResponseWindow",
    "Vocabulary",
  ],
  session: [
    "Badges",
    "ChannelValue",
    "ContactSession",
    "Disclosures.addToLedger",
    "Disclosures.beforeYouGive",
    "Disclosures.choose",
    "Disclosures.detail",
    "Disclosures.detailHint",
    "Disclosures.no",
    "Disclosures.notAnswered",
    "Disclosures.notWillingText",
    "Disclosures.notWillingTitle",
    "Disclosures.officialGuidance",
    "Disclosures.reason",
    "Disclosures.secretText",
    "Disclosures.secretTitle",
    "Disclosures.theyAskedForIt",
    "Disclosures.unsure",
    "Disclosures.whatGiven",
    "Disclosures.yes",
    "Forms.andMore",
    "Forms.keepLastDigits",
    "Forms.notSaved",
    "Vocabulary.caseStatus",
    "Vocabulary.channelKind",
    "Vocabulary.channelStatus",
    "Vocabulary.contactOutcome",
    "Vocabulary.disclosureKind",
    "Vocabulary.questionTier",
  ],
  evidence: [],
} as const satisfies Record<string, readonly string[]>;

/** Each key's page, as a path under `app/(app)/cases`. */
export const casePagePaths = {
  case: "[caseId]/page.tsx",
  session: "[caseId]/session/page.tsx",
  evidence: "[caseId]/evidence/page.tsx",
} as const satisfies Record<keyof typeof casePageNamespaces, string>;
