import { disclosureKinds } from "@caseward/db/vocabulary";
import { describe, expect, it } from "vitest";

import { privacyQuestionIds } from "./checklist";
import { disclosureAdvice, disclosureChecklistQuestions } from "./disclosure-advice";

describe("disclosureAdvice", () => {
  it.each([
    ["CA", "Your Social Insurance Number", "priv.gc.ca"],
    ["ca", "Your Social Insurance Number", "priv.gc.ca"],
    ["US", "Your Social Security number", "ssa.gov"],
    ["GB", "Your National Insurance number", "gov.uk"],
  ])("gives %s's national id advice with its official link", (country, title, host) => {
    const advice = disclosureAdvice("national_id", country);
    expect(advice?.title).toBe(title);
    expect(new URL(advice!.link!).hostname).toContain(host);
  });

  it("falls back to general advice elsewhere", () => {
    expect(disclosureAdvice("national_id", "FR")?.title).toBe("Your national identity number");
    expect(disclosureAdvice("national_id", "")?.link).toBeUndefined();
  });

  it("adds the country's note to the ID document advice", () => {
    const ca = disclosureAdvice("id_document", "CA")!.text;
    const fr = disclosureAdvice("id_document", "FR")!.text;
    expect(ca.startsWith(fr)).toBe(true);
    expect(ca).toContain("In Canada");
  });

  it("has no special advice for everyday data", () => {
    const special = disclosureKinds.filter((kind) => disclosureAdvice(kind, "CA") !== null);
    expect(special).toEqual(["national_id", "id_document"]);
  });

  it("points only at checklist questions that exist", () => {
    const used = Object.values(disclosureChecklistQuestions).flat();
    expect(used.length).toBe(5);
    for (const id of used) expect(privacyQuestionIds).toContain(id);
  });
});

describe("disclosureAdvice in French", () => {
  it.each([
    ["CA", "Votre numéro d’assurance sociale", "https://www.priv.gc.ca/fr/"],
    ["US", "Votre numéro de sécurité sociale (SSN)", "https://www.ssa.gov/"],
    ["FR", "Votre numéro d’identité national", undefined],
  ])("%s: %s", (country, title, link) => {
    const advice = disclosureAdvice("national_id", country, "fr-CA");
    expect(advice?.title).toBe(title);
    if (link) expect(advice?.link?.startsWith(link)).toBe(true);
    else expect(advice?.link).toBeUndefined();
  });

  it("says the Canadian SIN advice as the Privacy Commissioner's French page does", () => {
    expect(disclosureAdvice("national_id", "CA", "fr-CA")?.text).toMatch(
      /vous pouvez refuser et offrir une autre pièce d’identité/,
    );
    expect(disclosureAdvice("id_document", "CA", "fr-CA")?.text).toMatch(/Au Canada,/);
  });
});
