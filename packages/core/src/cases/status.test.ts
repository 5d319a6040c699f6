import { describe, expect, it } from "vitest";

import { caseStatusAfterContact } from "./status";

describe("caseStatusAfterContact", () => {
  it.each([
    ["outbound", "phone", "resolved", "resolved"],
    ["outbound", "email", "waiting_company", "awaiting_company"],
    ["outbound", "chat", "waiting_me", "awaiting_me"],
    ["outbound", "phone", "no_answer", "open"],
    ["outbound", "email", null, "awaiting_company"],
    ["outbound", "web_form", null, "awaiting_company"],
    ["outbound", "postal", null, "awaiting_company"],
    ["outbound", "social", null, "awaiting_company"],
    ["outbound", "phone", null, "open"],
    ["outbound", "chat", null, "open"],
    ["outbound", "in_person", null, "open"],
    ["inbound", "email", null, "awaiting_me"],
    ["inbound", "phone", null, "awaiting_me"],
    ["inbound", "phone", "resolved", "resolved"],
  ] as const)("%s %s with outcome %s → %s", (direction, channelKind, outcome, expected) => {
    expect(caseStatusAfterContact({ direction, channelKind, outcome })).toBe(expected);
  });
});
