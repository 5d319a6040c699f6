import { describe, expect, it } from "vitest";

import { freeText } from "./free-text";

describe("freeText", () => {
  const notes = freeText(100, "notes");
  it.each([
    ["Call back Tuesday, ref 88812", true],
    ["card ending 4242", true],
    ["my card is 4111 1111 1111 1111", false],
    ["SIN 046 454 286 given", false],
    ["x".repeat(101), false],
  ])("%s → accepted: %s", (text, ok) => {
    expect(notes.safeParse(text).success).toBe(ok);
  });

  it("explains the refusal and offers the last digits", () => {
    const result = notes.safeParse("card 4111-1111-1111-1111");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/last 4 digits/);
  });

  it("trims what it keeps", () => {
    expect(notes.parse("  hello  ")).toBe("hello");
  });
});
