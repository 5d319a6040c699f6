import { describe, expect, it } from "vitest";

import { openCaseInput } from "./cases/schemas";
import { companyInput } from "./companies/schemas";
import { logContactInput } from "./contacts/schemas";
import { maxLengthsOf } from "./input-limits";
import { privacyAnswerInput } from "./privacy/checklist";
import { breachInput, disclosureFields } from "./privacy/schemas";

describe("maxLengthsOf: the form's maxLength is the server's limit", () => {
  it("reads every text field of the contact schema", () => {
    expect(maxLengthsOf(logContactInput)).toMatchObject({
      representativeName: 120,
      representativeId: 120,
      referenceNumber: 120,
      notes: 20_000,
      transcript: 200_000,
      promisedFollowUp: 500,
    });
  });

  it("finds a limit on the output side of a pipe", () => {
    expect(maxLengthsOf(openCaseInput)).toMatchObject({ title: 200, description: 5000 });
  });

  it("sees through pipes and defaults", () => {
    const limits = maxLengthsOf(companyInput);
    expect(limits.name).toBe(120);
    expect(limits.website).toBe(2048);
    expect(limits).not.toHaveProperty("provenance");
  });

  it("reads a web address's limit (a string format) and a refined object's fields", () => {
    expect(maxLengthsOf(privacyAnswerInput)).toMatchObject({ note: 2000, sourceUrl: 2000 });
    expect(maxLengthsOf(disclosureFields)).toMatchObject({ reason: 500, detail: 200 });
    expect(maxLengthsOf(breachInput)).toMatchObject({ source: 500, note: 2000 });
  });

  it("a value one longer than the limit is refused by the schema", () => {
    const limit = maxLengthsOf(logContactInput).referenceNumber!;
    const result = logContactInput.safeParse({ referenceNumber: "x".repeat(limit + 1) });
    expect(result.error?.issues.some((issue) => issue.path[0] === "referenceNumber")).toBe(true);
  });
});
