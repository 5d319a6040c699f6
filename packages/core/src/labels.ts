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

// The words the product shows for its vocabulary (one place, used by the web and emails).

export const channelKindLabels: Record<ChannelKind, string> = {
  web_form: "Web form",
  social: "Social media",
  email: "Email",
  chat: "Chat",
  phone: "Phone",
  postal: "Postal mail",
  in_person: "In person",
  executive: "Executive office",
  regulator: "Regulator / ombudsman",
};

/**
 * Where a channel or domain was found, as the user picks it in a form (their own words: "The
 * back of my card"). Said back to the user, it is `provenanceFoundLabels`.
 */
export const provenanceLabels: Record<Provenance, string> = {
  bill: "A bill",
  statement: "A statement",
  card_back: "The back of my card",
  official_website: "The official website",
  official_app: "The official app",
  directory: "A business directory",
  other: "Somewhere else",
};

/** Where something was found, said to the user: "Found on the back of your card". */
export const provenanceFoundLabels: Record<Provenance, string> = {
  bill: "Found on a bill",
  statement: "Found on a statement",
  card_back: "Found on the back of your card",
  official_website: "Found on the official website",
  official_app: "Found in the official app",
  directory: "Found in a business directory",
  other: "Found somewhere else",
};

export const channelStatusLabels: Record<ChannelStatus, string> = {
  verified: "Verified",
  unverified: "Not verified",
  suspicious: "Suspicious",
};

export const caseStatusLabels: Record<CaseStatus, string> = {
  open: "Open",
  awaiting_company: "Waiting on company",
  awaiting_me: "Waiting on me",
  escalation_due: "Escalation due",
  resolved: "Resolved",
  abandoned: "Abandoned",
};

export const casePriorityLabels: Record<CasePriority, string> = {
  high: "High",
  normal: "Normal",
  low: "Low",
};

export const contactOutcomeLabels: Record<ContactOutcome, string> = {
  resolved: "Resolved",
  waiting_company: "Waiting for the company",
  waiting_me: "Waiting on me",
  no_answer: "No answer",
};

export const timerKindLabels: Record<TimerKind, string> = {
  response_window: "The company should have answered by",
  promised_follow_up: "They promised to follow up by",
  regulator_eligibility: "You may complain to the regulator from",
};

/** A deadline's name in front of its countdown ("Answer due: 2 business days left — …"). */
export const deadlineLabels: Record<TimerKind, string> = {
  response_window: "Answer due",
  promised_follow_up: "Promised follow-up",
  regulator_eligibility: "Regulator complaint possible",
};

export const questionTierLabels: Record<QuestionTier, string> = {
  need: "Need to know",
  nice: "Great to have",
};

export const notificationKindLabels: Record<NotificationKind, string> = {
  escalation: "Escalation email",
  escalation_reminder: "Reminder email",
  promise_due: "Promise due email",
  regulator_eligible: "Regulator email",
  daily_digest: "Daily digest",
  red_flag: "Red-flag advice email",
};

export const notificationStateLabels: Record<NotificationState, string> = {
  pending: "Waiting to send",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
  cancelled: "Not needed any more",
  held: "Held until you confirm your email address",
};

export const disclosureKindLabels: Record<DisclosureKind, string> = {
  name: "Full name",
  address: "Home address",
  phone: "Phone number",
  email: "Email address",
  date_of_birth: "Date of birth",
  national_id: "National id (SIN / SSN)",
  id_document: "ID document (copy or photo)",
  account_number: "Account number",
  card_last4: "Last 4 digits of a card",
  password: "Password",
  one_time_code: "One-time code",
  security_answer: "Answer to a security question",
  other: "Something else",
};
