import type {
  CaseStatus,
  ChannelKind,
  ContactDirection,
  ContactOutcome,
} from "@caseward/db/vocabulary";

/** Channels where an answer comes later, not during the contact itself. */
export const asynchronousKinds: readonly ChannelKind[] = ["web_form", "social", "email", "postal"];

export const closedStatuses: readonly CaseStatus[] = ["resolved", "abandoned"];

/** Where a case stands after a contact, from what the user said happened. */
export function caseStatusAfterContact(contact: {
  direction: ContactDirection;
  channelKind: ChannelKind;
  outcome: ContactOutcome | null;
}): CaseStatus {
  switch (contact.outcome) {
    case "resolved":
      return "resolved";
    case "waiting_company":
      return "awaiting_company";
    case "waiting_me":
      return "awaiting_me";
    case "no_answer":
      return "open";
    case null:
      break;
  }
  // The company wrote or called back: the next move is the user's.
  if (contact.direction === "inbound") return "awaiting_me";
  return asynchronousKinds.includes(contact.channelKind) ? "awaiting_company" : "open";
}

/**
 * Where a reopened case goes: what its last contact implies, or `open` (a last contact that
 * said "resolved" no longer stands, and with no contact there is nothing to wait for).
 */
export function statusOnReopen(
  latest: Parameters<typeof caseStatusAfterContact>[0] | null,
): CaseStatus {
  const status = latest ? caseStatusAfterContact(latest) : "open";
  return closedStatuses.includes(status) ? "open" : status;
}
