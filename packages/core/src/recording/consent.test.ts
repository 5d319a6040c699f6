import { describe, expect, it } from "vitest";

import { recordingAdvice, recordingConsent, type ConsentRule } from "./index";

const US_CODES = [
  "AL",
  "AK",
  "AZ",
  "AR",
  "CA",
  "CO",
  "CT",
  "DE",
  "DC",
  "FL",
  "GA",
  "HI",
  "ID",
  "IL",
  "IN",
  "IA",
  "KS",
  "KY",
  "LA",
  "ME",
  "MD",
  "MA",
  "MI",
  "MN",
  "MS",
  "MO",
  "MT",
  "NE",
  "NV",
  "NH",
  "NJ",
  "NM",
  "NY",
  "NC",
  "ND",
  "OH",
  "OK",
  "OR",
  "PA",
  "RI",
  "SC",
  "SD",
  "TN",
  "TX",
  "UT",
  "VT",
  "VA",
  "WA",
  "WV",
  "WI",
  "WY",
];
const US_ALL_PARTY = [
  "CA",
  "CT",
  "DE",
  "FL",
  "IL",
  "MD",
  "MA",
  "MI",
  "MT",
  "NV",
  "NH",
  "OR",
  "PA",
  "WA",
];
const EU_CODES = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
];
const AU_CODES = ["NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"];

type Case = [country: string, subdivision: string | undefined, rule: ConsentRule];

const cases: Case[] = [
  ["CA", undefined, "one_party"],
  ["CA", "ON", "one_party"],
  ["CA", "QC", "one_party"],
  ["ca", "ca-bc", "one_party"],
  ["US", "CA", "all_party"],
  ["US", "CT", "all_party"],
  ["US", "DE", "all_party"],
  ["US", "FL", "all_party"],
  ["US", "IL", "all_party"],
  ["US", "MI", "all_party"],
  ["US", "NV", "all_party"],
  ["US", "OR", "all_party"],
  ["US", "WA", "all_party"],
  ["US", "US-PA", "all_party"],
  ["US", "NY", "one_party"],
  ["US", "TX", "one_party"],
  ["US", "DC", "one_party"],
  ["US", "VT", "one_party"],
  ["US", "NJ", "one_party"],
  ["US", undefined, "all_party"],
  ["GB", undefined, "one_party"],
  ["UK", "SCT", "one_party"],
  ["DE", undefined, "all_party"],
  ["FR", undefined, "all_party"],
  ["IE", undefined, "all_party"],
  ["EL", undefined, "all_party"],
  ["AU", "NSW", "all_party"],
  ["AU", "VIC", "all_party"],
  ["AU", "QLD", "all_party"],
  ["AU", "NT", "all_party"],
  ["AU", "AU-WA", "all_party"],
  ["AU", undefined, "all_party"],
];

describe("recordingConsent", () => {
  it.each(cases)("%s %s is %s", (country, subdivision, rule) => {
    expect(recordingConsent({ country, subdivision })?.rule).toBe(rule);
  });

  it.each([
    ["ZZ", undefined],
    ["JP", undefined],
    ["US", "ZZ"],
    ["AU", "XYZ"],
    ["CA", "XX"],
  ])("returns null for unknown region %s %s", (country, subdivision) => {
    expect(recordingConsent({ country, subdivision })).toBeNull();
  });

  it("covers all 50 states and DC, all-party exactly where the law is strict or unsettled", () => {
    expect(US_CODES).toHaveLength(51);
    for (const state of US_CODES) {
      const expected = US_ALL_PARTY.includes(state) ? "all_party" : "one_party";
      expect(recordingConsent({ country: "US", subdivision: state })?.rule, state).toBe(expected);
    }
  });

  it("covers all 27 EU member states as all-party", () => {
    expect(new Set(EU_CODES).size).toBe(27);
    for (const country of EU_CODES) {
      expect(recordingConsent({ country })?.rule, country).toBe("all_party");
    }
  });

  it("answers all-party for every Australian state and territory, because phone calls are federal", () => {
    for (const subdivision of AU_CODES) {
      const consent = recordingConsent({ country: "AU", subdivision });
      expect(consent?.rule, subdivision).toBe("all_party");
      expect(consent?.summary, subdivision).toMatch(/Federal law/);
    }
  });

  it("writes short plain summaries and cites a source everywhere", () => {
    const regions = [
      ...US_CODES.map((subdivision) => ({ country: "US", subdivision })),
      ...EU_CODES.map((country) => ({ country })),
      ...AU_CODES.map((subdivision) => ({ country: "AU", subdivision })),
      { country: "CA", subdivision: "ON" },
      { country: "GB" },
    ];
    for (const region of regions) {
      const consent = recordingConsent(region);
      const label = JSON.stringify(region);
      expect(consent, label).not.toBeNull();
      expect(consent?.source.length, label).toBeGreaterThan(5);
      const sentences = consent?.summary.split(/(?<=[.!?])\s+/) ?? [];
      expect(sentences.length, label).toBeGreaterThanOrEqual(1);
      expect(sentences.length, label).toBeLessThanOrEqual(2);
    }
  });

  it("speaks to the person in Ontario", () => {
    expect(recordingConsent({ country: "CA", subdivision: "ON" })?.summary).toBe(
      "In Ontario only one party — you — needs to consent; still tell the representative you are recording.",
    );
  });
});

describe("recordingAdvice", () => {
  it.each([
    [
      { country: "US", subdivision: "CA" },
      "Tell the representative: 'I am recording this call for my records.'",
    ],
    [
      { country: "AU", subdivision: "VIC" },
      "Tell the representative: 'I am recording this call for my records.'",
    ],
    [
      { country: "CA", subdivision: "ON" },
      "You may record this call. It is still best to tell the representative: 'I am recording this call for my records.'",
    ],
    [
      { country: "ZZ" },
      "We do not know the recording rules where you are, so assume everyone must agree. Tell the representative: 'I am recording this call for my records.'",
    ],
  ])("advises %j", (region, advice) => {
    expect(recordingAdvice(region)).toBe(advice);
  });
});
