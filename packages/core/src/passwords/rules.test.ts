import { describe, expect, it } from "vitest";

import { passwordMessages } from "./length";
import { passwordProblem } from "./rules";

describe("passwordProblem", () => {
  it.each([
    ["a long and boring passphrase", null],
    ["exactly12chr", null],
    ["x".repeat(128), null],
    ["", "PASSWORD_TOO_SHORT"],
    ["elevenchars", "PASSWORD_TOO_SHORT"],
    // Eleven emoji are eleven characters, though 22 UTF-16 units.
    ["🔑".repeat(11), "PASSWORD_TOO_SHORT"],
    ["🔑".repeat(12), null],
    ["x".repeat(129), "PASSWORD_TOO_LONG"],
    // Entries of the list that are long enough to pass the length rule.
    ["1qaz2wsx3edc", "PASSWORD_TOO_COMMON"],
    ["123456qwerty", "PASSWORD_TOO_COMMON"],
    ["1Q2W3E4R5T6Y", "PASSWORD_TOO_COMMON"],
    [" 123qweasdzxc ", "PASSWORD_TOO_COMMON"],
    ["1qaz2wsx3edc!", null],
  ])("%j → %s", (password, code) => {
    expect(passwordProblem(password)?.code ?? null).toBe(code);
  });

  it("says what to do for each rule", () => {
    expect(passwordProblem("short")?.message).toBe("Use at least 12 characters.");
    expect(passwordProblem("x".repeat(200))?.message).toBe("Use at most 128 characters.");
    expect(passwordProblem("123456654321")?.message).toBe(passwordMessages.tooCommon);
  });
});
