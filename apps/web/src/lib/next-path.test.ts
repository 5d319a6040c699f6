import { describe, expect, it } from "vitest";

import { safeNextPath, signInComingBackTo } from "./next-path";

describe("safeNextPath", () => {
  it.each([
    ["/settings/sender-address?token=abc", "/settings/sender-address?token=abc"],
    ["/cases/1#top", "/cases/1"],
    ["/", "/"],
    ["/a/../settings", "/settings"],
  ])("keeps the same-site path %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    ["https://evil.example/settings"],
    ["//evil.example/settings"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["javascript:alert(1)"],
    ["/\u0009/evil.example"],
    ["/api/trpc/settings.update"],
    ["settings"],
    [""],
    [`/${"a".repeat(3000)}`],
  ])("refuses %j", (next) => {
    expect(safeNextPath(next)).toBeNull();
  });

  it("refuses anything but one string", () => {
    expect(safeNextPath(["/settings", "/cases"])).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
  });

  it("writes the sign-in address that comes back, readable again", () => {
    const href = signInComingBackTo("/settings/sender-address?token=a&b=c");
    expect(href).toBe("/sign-in?next=%2Fsettings%2Fsender-address%3Ftoken%3Da%26b%3Dc");
    const next = new URL(href, "http://x").searchParams.get("next");
    expect(safeNextPath(next)).toBe("/settings/sender-address?token=a&b=c");
  });
});
