import { describe, expect, it } from "vitest";

import { countOf } from "./plural";

describe("countOf", () => {
  it.each([
    [0, "question", undefined, "0 questions"],
    [1, "question", undefined, "1 question"],
    [2, "question", undefined, "2 questions"],
    [1, "company", "companies", "1 company"],
    [5, "company", "companies", "5 companies"],
    [1200, "case", undefined, "1,200 cases"],
    [1, "open “need” question", undefined, "1 open “need” question"],
  ])("%i %s → %s", (count, one, other, text) => {
    expect(countOf(count, one, other)).toBe(text);
  });
});
