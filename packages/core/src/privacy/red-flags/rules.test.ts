import { describe, expect, it } from "vitest";

import { isInboundUnverified } from "./rules";

describe("isInboundUnverified", () => {
  it.each([
    ["inbound", "verified", false],
    ["inbound", "unverified", true],
    ["inbound", "suspicious", true],
    ["inbound", null, true],
    ["outbound", "unverified", false],
  ] as const)("%s on a %s channel → %s", (direction, channelStatus, expected) => {
    expect(isInboundUnverified({ direction, channelStatus })).toBe(expected);
  });
});
