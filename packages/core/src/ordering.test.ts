import { describe, expect, it } from "vitest";

import { DomainError } from "./errors";
import { assertSameItems } from "./ordering";

describe("assertSameItems", () => {
  it.each([
    [["a", "b", "c"], ["c", "a", "b"], true],
    [["a"], ["a"], true],
    [[], [], true],
    [["a", "b"], ["a"], false],
    [["a", "b"], ["a", "b", "c"], false],
    [["a", "b"], ["a", "a"], false],
    [["a", "b"], ["a", "x"], false],
  ])("%j reordered as %j → accepted: %s", (existing, ordered, ok) => {
    const run = () => assertSameItems(existing, ordered, "items");
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow(DomainError);
  });
});
