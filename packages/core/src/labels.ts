import type {
  CasePriority,
  CaseStatus,
  ChannelKind,
  ChannelStatus,
  ContactOutcome,
  DisclosureKind,
  NotificationKind,
  NotificationState,
  Provenance,
  QuestionTier,
  TimerKind,
} from "@caseward/db/vocabulary";

import english from "./i18n/messages/en/Vocabulary.json" with { type: "json" };
import { coreMessages } from "./i18n/translate";
import type { Locale } from "./i18n/locale";

/**
 * The words the product shows for its vocabulary, in the user's language (one place, used by
 * the web, the emails and the documents; the texts are in i18n/messages/<locale>/Vocabulary.json).
 */
export function vocabulary(locale: Locale) {
  const words = coreMessages[locale].Vocabulary;
  return {
    channelKind: words.channelKind satisfies Record<ChannelKind, string>,
    /** Where a channel or domain was found, as the user picks it in a form ("The back of my card"). */
    provenance: words.provenance satisfies Record<Provenance, string>,
    /** Where something was found, said to the user: "Found on the back of your card". */
    provenanceFound: words.provenanceFound satisfies Record<Provenance, string>,
    channelStatus: words.channelStatus satisfies Record<ChannelStatus, string>,
    caseStatus: words.caseStatus satisfies Record<CaseStatus, string>,
    casePriority: words.casePriority satisfies Record<CasePriority, string>,
    contactOutcome: words.contactOutcome satisfies Record<ContactOutcome, string>,
    timerKind: words.timerKind satisfies Record<TimerKind, string>,
    /** A deadline's name in front of its countdown ("Answer due: 2 business days left — …"). */
    deadline: words.deadline satisfies Record<TimerKind, string>,
    questionTier: words.questionTier satisfies Record<QuestionTier, string>,
    notificationKind: words.notificationKind satisfies Record<NotificationKind, string>,
    notificationState: words.notificationState satisfies Record<NotificationState, string>,
    disclosureKind: words.disclosureKind satisfies Record<DisclosureKind, string>,
  };
}

export type Vocabulary = ReturnType<typeof vocabulary>;

// The English words (pages not yet translated, tests). Taken from the English file alone so a
// client component using them does not carry every language's catalogue.
export const channelKindLabels: Record<ChannelKind, string> = english.channelKind;
export const provenanceLabels: Record<Provenance, string> = english.provenance;
export const provenanceFoundLabels: Record<Provenance, string> = english.provenanceFound;
export const channelStatusLabels: Record<ChannelStatus, string> = english.channelStatus;
export const caseStatusLabels: Record<CaseStatus, string> = english.caseStatus;
export const casePriorityLabels: Record<CasePriority, string> = english.casePriority;
export const contactOutcomeLabels: Record<ContactOutcome, string> = english.contactOutcome;
export const timerKindLabels: Record<TimerKind, string> = english.timerKind;
export const deadlineLabels: Record<TimerKind, string> = english.deadline;
export const questionTierLabels: Record<QuestionTier, string> = english.questionTier;
export const notificationKindLabels: Record<NotificationKind, string> = english.notificationKind;
export const notificationStateLabels: Record<NotificationState, string> = english.notificationState;
export const disclosureKindLabels: Record<DisclosureKind, string> = english.disclosureKind;
