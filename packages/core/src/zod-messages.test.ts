import { describe, expect, it } from "vitest";
import { z } from "zod";

import * as schemas from "./schemas";
import { fieldNameOf } from "./zod-messages";

// Zod's own English phrases (zod/v4/locales/en): none may reach a user.
const zodDefaultPhrases = [
  /^Invalid input/,
  /^Invalid option/,
  /^Invalid (string|email|UUID|URL|ISO|key|element)/,
  /^Too (big|small)/,
  /expected .+, received/,
  /^Unrecognized key/,
  /^Number must be/,
  /^String must/,
  /^Required$/,
];

const inputSchemas: [string, z.ZodType][] = Object.entries(
  schemas as Record<string, unknown>,
).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType);

/** Bad values of every kind, for each key the object schema names (and for the whole input). */
function badInputs(schema: z.ZodType): unknown[] {
  const wrong = [undefined, null, 42, "", "x", "x".repeat(250_001), true, [], {}, -1, 1.5];
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  return [
    ...wrong,
    { unexpected: 1 },
    ...wrong.map((value) => Object.fromEntries(keys.map((key) => [key, value]))),
    ...keys.flatMap((key) => wrong.map((value) => ({ [key]: value }))),
  ];
}

describe("every input schema speaks in sentences", () => {
  it("finds the exported input schemas", () => {
    expect(inputSchemas.length).toBeGreaterThan(30);
  });

  it.each(inputSchemas)("%s: no zod default phrase for any bad input", (_name, schema) => {
    const messages = new Set<string>();
    for (const input of badInputs(schema)) {
      const result = schema.safeParse(input);
      if (!result.success) for (const issue of result.error.issues) messages.add(issue.message);
    }
    for (const message of messages) {
      for (const phrase of zodDefaultPhrases) expect(message).not.toMatch(phrase);
      // A sentence: a capital first, a full stop (or question mark) last.
      expect(message).toMatch(/^[A-Z“"]/);
      expect(message).toMatch(/[.?!”)…]$/);
    }
  });
});

describe("field names in messages", () => {
  it.each([
    [["representativeName"], "representative's name"],
    [["answers", 0, "answer"], "answer"],
    [["closingNote"], "closing note"],
    [["someNewField"], "some new field"],
    [[], "this field"],
  ])("%j → %s", (path, name) => {
    expect(fieldNameOf(path)).toBe(name);
  });

  it("a missing required string is asked for by name", () => {
    const result = z.object({ referenceNumber: z.string() }).safeParse({});
    expect(result.error?.issues[0]?.message).toBe("Fill in the reference number.");
  });

  it("a too-long string says the limit", () => {
    const result = z.object({ title: z.string().max(10) }).safeParse({ title: "x".repeat(11) });
    expect(result.error?.issues[0]?.message).toBe("Keep the title under 10 characters.");
  });
});
