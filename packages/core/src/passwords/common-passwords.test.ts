import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { isCommonPassword } from "./common-passwords";

describe("the shipped list of common passwords", () => {
  const entries = readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
    .split("\n")
    .filter(Boolean);

  it("holds the 10,000 most common passwords", () => {
    expect(entries).toHaveLength(10_000);
    expect(entries.slice(0, 3)).toEqual(["*****", "******", "0.0.0.000"]);
  });

  it.each(["password", "123456", "qwerty", "iloveyou", "Password", "zzzzzzzz"])(
    "finds %j",
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each(["correct horse battery staple", "caseward"])("does not find %j", (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});
