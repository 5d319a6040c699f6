import { describe, expect, it } from "vitest";

import { breachActions } from "./breach-actions";

const ids = (country: string) => breachActions(country).map((a) => a.id);

const everywhere = [
  "change_password",
  "turn_on_2fa",
  "expect_breach_scams",
  "replace_card",
  "change_security_answers",
  "watch_statements",
  "check_other_breaches",
  "keep_breach_notice",
];

describe("breachActions", () => {
  it.each<[string, string[], RegExp]>([
    [
      "CA",
      ["fraud_alert_equifax_ca", "fraud_alert_transunion_ca", "sin_exposed_ca", "report_cafc"],
      /Equifax Canada/,
    ],
    [
      "US",
      [
        "credit_freeze_equifax",
        "credit_freeze_experian",
        "credit_freeze_transunion",
        "free_credit_reports",
        "irs_ip_pin",
        "identitytheft_gov",
      ],
      /IdentityTheft\.gov/,
    ],
    [
      "GB",
      [
        "cifas_protective_registration",
        "check_credit_files_gb",
        "report_phishing_gb",
        "report_fraud_gb",
      ],
      /Cifas Protective Registration/,
    ],
    ["AU", ["idcare", "credit_ban_au", "replace_id_documents_au", "report_cyber_au"], /IDCARE/],
    ["FR", ["credit_file_protection", "report_identity_fraud"], /credit bureaus in your country/],
  ])("%s gets the steps everywhere plus its own", (country, local, wording) => {
    const actions = breachActions(country);
    expect(actions.map((a) => a.id)).toEqual([
      ...everywhere.slice(0, 5),
      ...local,
      ...everywhere.slice(5),
    ]);
    expect(actions.map((a) => a.text).join(" ")).toMatch(wording);
  });

  it.each([
    ["lower case", "ca", "CA"],
    ["padded", " us ", "US"],
    ["a subdivision", "CA-QC", "CA"],
    ["UK for GB", "uk", "GB"],
    ["an unknown code", "ZZ", "FR"],
    ["empty", "", "FR"],
    ["a name instead of a code", "Canada", "FR"],
    ["a prototype name", "constructor", "FR"],
  ])("reads %s", (_name, input, sameAs) => {
    expect(ids(input)).toEqual(ids(sameAs));
  });

  it.each(["CA", "US", "GB", "AU", "NZ"])(
    "%s: unique ids, https links, full sentences",
    (country) => {
      const actions = breachActions(country);
      expect(new Set(actions.map((a) => a.id)).size).toBe(actions.length);
      for (const action of actions) {
        expect(action.id).toMatch(/^[a-z0-9]+(?:_[a-z0-9]+)*$/);
        expect(action.text).toMatch(/^[A-Z].*\.$/);
        if (action.link !== undefined) expect(new URL(action.link).protocol).toBe("https:");
      }
    },
  );

  it("US freezes point to each of the three bureaus", () => {
    const links = breachActions("US")
      .filter((a) => a.id.startsWith("credit_freeze_"))
      .map((a) => new URL(a.link ?? "").hostname);
    expect(links).toEqual(["www.equifax.com", "www.experian.com", "www.transunion.com"]);
  });

  it("returns copies the caller may change", () => {
    const first = breachActions("CA");
    (first[0] as { text: string }).text = "changed";
    expect(breachActions("CA")[0]?.text).not.toBe("changed");
  });
});

describe("breachActions in French", () => {
  it("has the same steps, in French, with the Canadian services' French pages and words", () => {
    const english = breachActions("CA");
    const french = breachActions("CA", "fr-CA");
    expect(french.map((a) => a.id)).toEqual(english.map((a) => a.id));
    const byId = Object.fromEntries(french.map((a) => [a.id, a]));
    expect(byId.fraud_alert_equifax_ca?.text).toMatch(/alerte d’identité/);
    expect(byId.fraud_alert_transunion_ca?.text).toMatch(/alerte de fraude potentielle/);
    expect(byId.fraud_alert_transunion_ca?.link).toBe(
      "https://www.transunion.ca/fr/assistance/fraude-et-vol-didentite",
    );
    expect(byId.sin_exposed_ca?.text).toMatch(/gel de sécurité/);
    expect(byId.sin_exposed_ca?.link).toMatch(/canada\.ca\/fr\//);
    expect(byId.report_cafc?.text).toMatch(/Centre antifraude du Canada \(1 888 495-8501\)/);
    // A service without a French page keeps its link.
    expect(byId.check_other_breaches?.link).toBe("https://haveibeenpwned.com/");
    for (const action of french)
      expect(action.text).not.toBe(english.find((a) => a.id === action.id)?.text);
  });

  it.each(["US", "GB", "AU", "FR"])("%s reads French too", (country) => {
    const french = breachActions(country, "fr-CA");
    expect(french.length).toBe(breachActions(country).length);
    for (const action of french) expect(action.text).toMatch(/[éèàçùêâ’]/);
  });
});
