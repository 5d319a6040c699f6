import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { addQuestionInput, caseWindowInput } from "~/components/case-page-checks";

import { validate } from "./form";

describe("form-errors: the helpers a page loads before any schema", () => {
  it("imports nothing at run time but React (no zod, no zod-messages)", () => {
    const source = readFileSync(new URL("./form-errors.ts", import.meta.url), "utf8");
    const runtimeImports = source.split("\n").filter((line) => /^import (?!type )/.test(line));
    expect(runtimeImports).toEqual([
      'import { useCallback, useEffect, useMemo, useRef, useState } from "react";',
    ]);
  });
});

describe("case-page-checks: the schemas the case page loads on submit", () => {
  const caseId = "6f9619ff-8b86-4011-b42d-00c04fc964ff";

  it("refuses a response window over 30 business days in words", () => {
    const result = validate(caseWindowInput, { caseId, responseWindowDays: "45" }, "en");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.responseWindowDays).toEqual(["Thirty business days at most."]);
  });

  it("refuses an empty question in words", () => {
    const result = validate(addQuestionInput, { caseId, tier: "need" }, "en");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.text?.[0]).toMatch(/question/i);
  });
});
