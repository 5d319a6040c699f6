import { pgEnum } from "drizzle-orm/pg-core";

import {
  caseStatuses,
  casePriorities,
  channelKinds,
  channelStatuses,
  contactDirections,
  contactOutcomes,
  provenances,
  questionTiers,
  attachmentKinds,
  fileParts,
  timerKinds,
  timerStatuses,
  notificationKinds,
  notificationStates,
  disclosureKinds,
  privacyAnswerValues,
  redFlagKinds,
  redFlagSources,
  inboundStates,
  inboxReasons,
} from "../vocabulary";

export * from "../vocabulary";

export const channelKindEnum = pgEnum("channel_kind", channelKinds);
export const channelStatusEnum = pgEnum("channel_status", channelStatuses);
export const provenanceEnum = pgEnum("provenance", provenances);
export const caseStatusEnum = pgEnum("case_status", caseStatuses);
export const casePriorityEnum = pgEnum("case_priority", casePriorities);
export const contactDirectionEnum = pgEnum("contact_direction", contactDirections);
export const contactOutcomeEnum = pgEnum("contact_outcome", contactOutcomes);
export const questionTierEnum = pgEnum("question_tier", questionTiers);
export const attachmentKindEnum = pgEnum("attachment_kind", attachmentKinds);
export const filePartEnum = pgEnum("file_part", fileParts);
export const timerKindEnum = pgEnum("timer_kind", timerKinds);
export const timerStatusEnum = pgEnum("timer_status", timerStatuses);
export const notificationKindEnum = pgEnum("notification_kind", notificationKinds);
export const notificationStateEnum = pgEnum("notification_state", notificationStates);
export const disclosureKindEnum = pgEnum("disclosure_kind", disclosureKinds);
export const privacyAnswerEnum = pgEnum("privacy_answer", privacyAnswerValues);
export const redFlagKindEnum = pgEnum("red_flag_kind", redFlagKinds);
export const redFlagSourceEnum = pgEnum("red_flag_source", redFlagSources);
export const inboundStateEnum = pgEnum("inbound_state", inboundStates);
export const inboxReasonEnum = pgEnum("inbox_reason", inboxReasons);
