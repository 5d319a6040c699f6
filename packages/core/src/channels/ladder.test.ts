import { describe, expect, it } from "vitest";

import type { LadderStep } from "./next-channel";
import { suggestNextChannel } from "./next-channel";

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
