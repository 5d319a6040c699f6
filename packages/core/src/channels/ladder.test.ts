import { describe, expect, it } from "vitest";

import type { LadderStep } from "./ladder";
import {
  defaultChannel,
  defaultChannelChoice,
  insertPosition,
  kindChoice,
  parseChannelChoice,
  suggestNextChannel,
} from "./ladder";

const ladder: LadderStep[] = [
  { id: "form", kind: "web_form", status: "verified" },
  { id: "mail", kind: "email", status: "verified" },
  { id: "fake", kind: "phone", status: "suspicious" },
  { id: "unchecked", kind: "phone", status: "unverified" },
  { id: "phone", kind: "phone", status: "verified" },
  { id: "ceo", kind: "executive", status: "verified" },
];

describe("suggestNextChannel", () => {
  it.each([
    ["form", "web_form", "mail"],
    ["mail", "email", "phone"],
    ["fake", "phone", "phone"],
    ["phone", "phone", "ceo"],
    ["ceo", "executive", null],
    [null, "email", "phone"],
    [null, "web_form", "mail"],
    [null, "chat", "phone"],
    [null, "regulator", null],
    ["gone", "postal", "ceo"],
  ] as const)("after %s (%s) → %s", (channelId, kind, expected) => {
    const step = suggestNextChannel(ladder, { channelId, kind });
    expect(step.kind === "channel" ? step.channel.id : null).toBe(expected);
  });

  it("asks to verify a channel first when nothing above is verified", () => {
    const unverified: LadderStep[] = [
      { id: "a", kind: "email", status: "verified" },
      { id: "b", kind: "phone", status: "suspicious" },
      { id: "c", kind: "phone", status: "unverified" },
    ];
    expect(suggestNextChannel(unverified, { channelId: "a", kind: "email" })).toEqual({
      kind: "verify_first",
    });
    expect(suggestNextChannel([], { channelId: null, kind: "email" })).toEqual({
      kind: "verify_first",
    });
  });

  it("follows the user's own order, not the default one", () => {
    const reordered: LadderStep[] = [
      { id: "phone", kind: "phone", status: "verified" },
      { id: "mail", kind: "email", status: "verified" },
    ];
    expect(suggestNextChannel(reordered, { channelId: "phone", kind: "phone" })).toMatchObject({
      channel: { id: "mail" },
    });
  });
});

describe("insertPosition", () => {
  const kinds = ladder.map(({ kind }) => ({ kind }));
  it.each([
    ["web_form", 1],
    ["social", 1],
    ["email", 2],
    ["chat", 2],
    ["phone", 5],
    ["executive", 6],
    ["regulator", 6],
  ] as const)("a new %s channel goes at %i", (kind, expected) => {
    expect(insertPosition(kinds, kind)).toBe(expected);
  });

  it("goes first on an empty ladder, and after the user's own order otherwise", () => {
    expect(insertPosition([], "phone")).toBe(0);
    expect(insertPosition([{ kind: "phone" }, { kind: "email" }], "email")).toBe(2);
    expect(insertPosition([{ kind: "phone" }, { kind: "email" }], "web_form")).toBe(0);
  });
});

describe("defaultChannel", () => {
  const step = (id: string, status: LadderStep["status"], isPreferred = false) => ({
    id,
    kind: "phone" as const,
    status,
    isPreferred,
  });

  it.each([
    ["the first choice", [step("v", "verified"), step("p", "unverified", true)], "p"],
    ["the first verified one", [step("u", "unverified"), step("v", "verified")], "v"],
    ["the first unverified one", [step("s", "suspicious"), step("u", "unverified")], "u"],
    ["never a suspicious one", [step("s", "suspicious"), step("t", "suspicious")], null],
    [
      "never a suspicious first choice",
      [step("s", "suspicious", true), step("u", "unverified")],
      "u",
    ],
    ["nothing on an empty ladder", [], null],
  ] as const)("is %s", (_, ladder, expected) => {
    expect(defaultChannel(ladder)?.id ?? null).toBe(expected);
  });

  it("starts a form off the ladder on a phone call when no channel is usable", () => {
    expect(defaultChannelChoice([step("s", "suspicious")])).toBe("kind:phone");
    expect(defaultChannelChoice([step("s", "suspicious"), step("v", "verified")])).toBe("v");
  });
});

describe("parseChannelChoice", () => {
  it("reads a channel of the ladder by its id, with its kind", () => {
    expect(parseChannelChoice("mail", ladder)).toEqual({
      channel: ladder[1],
      channelId: "mail",
      channelKind: "email",
    });
  });

  it("reads a kind off the ladder, and leaves anything else to the schema", () => {
    expect(parseChannelChoice(kindChoice("postal"), ladder)).toEqual({
      channel: null,
      channelId: undefined,
      channelKind: "postal",
    });
    expect(parseChannelChoice("gone", ladder).channelKind).toBe("gone");
    expect(parseChannelChoice(undefined, ladder).channelKind).toBeUndefined();
  });
});
