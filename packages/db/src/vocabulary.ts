// The product's vocabulary (see PRODUCT.md glossary). Order matters where noted.

/** Least to most direct: the default ladder order. */
export const channelKinds = [
  "web_form",
  "social",
  "email",
  "chat",
  "phone",
  "postal",
  "in_person",
  "executive",
  "regulator",
] as const;
export type ChannelKind = (typeof channelKinds)[number];

export const channelStatuses = ["verified", "unverified", "suspicious"] as const;
export type ChannelStatus = (typeof channelStatuses)[number];

export const provenances = [
  "bill",
  "statement",
  "card_back",
  "official_website",
  "official_app",
  "directory",
  "other",
] as const;
export type Provenance = (typeof provenances)[number];

export const caseStatuses = [
  "open",
  "awaiting_company",
  "awaiting_me",
  "escalation_due",
  "resolved",
  "abandoned",
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const casePriorities = ["high", "normal", "low"] as const;
export type CasePriority = (typeof casePriorities)[number];

export const contactDirections = ["outbound", "inbound"] as const;
export type ContactDirection = (typeof contactDirections)[number];

export const contactOutcomes = ["resolved", "waiting_company", "waiting_me", "no_answer"] as const;
export type ContactOutcome = (typeof contactOutcomes)[number];

/** "Need" must be answered; "nice" is great to have (the seed's two lists). */
export const questionTiers = ["need", "nice"] as const;
export type QuestionTier = (typeof questionTiers)[number];

export const attachmentKinds = ["transcript", "recording", "email", "document", "image"] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

/** What a stored file's chunks hold: the file itself, or the small picture shown for an image. */
export const fileParts = ["content", "thumbnail"] as const;
export type FilePart = (typeof fileParts)[number];

export const timerKinds = [
  "response_window",
  "promised_follow_up",
  "regulator_eligibility",
] as const;
export type TimerKind = (typeof timerKinds)[number];

/** pending → fired when due; satisfied when the company answered; cancelled when moot. */
export const timerStatuses = ["pending", "fired", "satisfied", "cancelled"] as const;
export type TimerStatus = (typeof timerStatuses)[number];

export const notificationKinds = [
  "escalation",
  "escalation_reminder",
  "promise_due",
  "regulator_eligible",
  "daily_digest",
  "red_flag",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * pending → sending → sent; failed after the last attempt; cancelled when moot; held while the
 * owner's email address is not confirmed (pending again once it is).
 */
export const notificationStates = [
  "pending",
  "sending",
  "sent",
  "failed",
  "cancelled",
  "held",
] as const;
export type NotificationState = (typeof notificationStates)[number];

/** Kinds of personal data a user may give a company (the disclosure ledger). */
export const disclosureKinds = [
  "name",
  "address",
  "phone",
  "email",
  "date_of_birth",
  "national_id",
  "id_document",
  "account_number",
  "card_last4",
  "password",
  "one_time_code",
  "security_answer",
  "other",
] as const;
export type DisclosureKind = (typeof disclosureKinds)[number];

/** Kinds whose value must never be written down anywhere, not even in a detail field. */
export const secretDisclosureKinds = [
  "password",
  "one_time_code",
] as const satisfies readonly DisclosureKind[];

export const privacyAnswerValues = ["yes", "no", "unsure"] as const;
export type PrivacyAnswerValue = (typeof privacyAnswerValues)[number];

/** Warning signs during a contact (PRODUCT.md "red flag"). */
export const redFlagKinds = [
  "asked_password",
  "asked_one_time_code",
  "asked_full_card_number",
  "asked_remote_access",
  "asked_gift_card_crypto_wire",
  "pressure_to_act_now",
  "inbound_unverified",
] as const;
export type RedFlagKind = (typeof redFlagKinds)[number];

/** How a red flag was raised: the user marked it, the text scan found it, or the contact came in on an unverified channel. */
export const redFlagSources = ["marked", "scanned", "inbound"] as const;
export type RedFlagSource = (typeof redFlagSources)[number];

/**
 * Where a message that came in by email stands: stored and waiting for the filing job, filed
 * into a case, waiting in the Inbox for the user, or thrown away by the user.
 */
export const inboundStates = ["received", "filed", "inbox", "discarded"] as const;
export type InboundState = (typeof inboundStates)[number];

/**
 * Why a message waits in the Inbox instead of being filed on its own. `unconfirmed_sender`:
 * it claims to come from the user's own address, and its domain's DKIM/DMARC say it did not.
 */
export const inboxReasons = [
  "unknown_sender",
  "no_match",
  "several_cases",
  "unreadable",
  "unconfirmed_sender",
] as const;
export type InboxReason = (typeof inboxReasons)[number];
