import { describe, expect, it } from "vitest";

import type { ReadinessInput } from "./readiness";
import { contactReadiness } from "./readiness";

const ready: ReadinessInput = {
  caseId: "case-1",
  companyId: "company-1",
  channel: { status: "verified" },
  openNeedQuestions: 2,
  openNiceQuestions: 1,
  checklistNeedsReview: false,
  willingToShareDecided: true,
  recording: "one_party",
  representativeNoted: true,
};

const state = (input: ReadinessInput) =>
  Object.fromEntries(contactReadiness(input).map((item) => [item.id, item.ready]));

describe("contactReadiness", () => {
  it("lists the six checks in order, all done for a prepared contact", () => {
    const items = contactReadiness(ready);
    expect(items.map((i) => i.id)).toEqual([
      "verified_channel",
      "questions",
      "privacy_checklist",
      "willing_to_share",
      "recording",
      "representative",
    ]);
    expect(items.every((i) => i.ready)).toBe(true);
    expect(items[1]!.text).toBe("3 open questions, 2 you need answered.");
  });

  it.each([
    ["an unverified channel", { channel: { status: "unverified" } }, "verified_channel"],
    ["a suspicious channel", { channel: { status: "suspicious" } }, "verified_channel"],
    ["only a kind of channel", { channel: null }, "verified_channel"],
    ["no need question", { openNeedQuestions: 0 }, "questions"],
    ["a checklist to review", { checklistNeedsReview: true }, "privacy_checklist"],
    ["nothing decided to give", { willingToShareDecided: false }, "willing_to_share"],
    ["an unknown recording rule", { recording: null }, "recording"],
    ["no representative yet", { representativeNoted: false }, "representative"],
  ] as const)("flags %s, and only that", (_, change, id) => {
    const result = state({ ...ready, ...change });
    expect(Object.entries(result).filter(([, ok]) => !ok)).toEqual([[id, false]]);
  });

  it("links each item to where it is fixed", () => {
    const links = Object.fromEntries(contactReadiness(ready).map((i) => [i.id, i.href]));
    expect(links).toEqual({
      verified_channel: "/companies/company-1#ladder",
      questions: "/cases/case-1#questions",
      privacy_checklist: "/companies/company-1/privacy",
      willing_to_share: "/companies/company-1/privacy#willing",
      recording: "/settings",
      representative: "#session-rep-name",
    });
  });

  it("says what is wrong with a suspicious channel, and what the rule is where consent is needed", () => {
    const items = contactReadiness({
      ...ready,
      channel: { status: "suspicious" },
      recording: "all_party",
    });
    expect(items[0]!.text).toMatch(/suspicious/);
    expect(items[4]!.ready).toBe(true);
    expect(items[4]!.text).toMatch(/Everyone must agree/);
  });
});
