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

describe("contactReadiness in each language", () => {
  const text = (input: ReadinessInput, locale: "en" | "fr-CA", id: string) =>
    contactReadiness(input, locale).find((item) => item.id === id)?.text;

  // prettier-ignore
  it.each([
    [ready, "questions", "3 open questions, 2 you need answered.", "3 questions ouvertes, dont 2 auxquelles il vous faut une réponse."],
    [{ ...ready, openNeedQuestions: 1, openNiceQuestions: 0 }, "questions", "1 open question, 1 you need answered.", "1 question ouverte, dont 1 à laquelle il vous faut une réponse."],
    [{ ...ready, channel: { status: "suspicious" } }, "verified_channel", "This channel is suspicious: pick a verified one before you share anything.", "Ce canal est suspect : choisissez un canal vérifié avant de communiquer quoi que ce soit."],
    [{ ...ready, recording: "all_party" }, "recording", "Everyone must agree before you record: ask first, or take notes instead.", "Tout le monde doit être d’accord avant que vous enregistriez : demandez d’abord, ou prenez plutôt des notes."],
  ] as const)("%#: %s", (input, id, english, french) => {
    expect(text(input as ReadinessInput, "en", id)).toBe(english);
    expect(text(input as ReadinessInput, "fr-CA", id)).toBe(french);
  });

  it("writes every item in French", () => {
    const english = contactReadiness(ready).map((item) => item.text);
    contactReadiness(ready, "fr-CA").forEach((item, index) => {
      expect(item.text).not.toBe(english[index]);
    });
  });
});
