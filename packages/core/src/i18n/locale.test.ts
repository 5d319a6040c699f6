import { describe, expect, it } from "vitest";

import { isLocale, localeFromAcceptLanguage } from "./locale";

describe("localeFromAcceptLanguage", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["fr-CA,fr;q=0.9,en;q=0.8", "fr-CA"],
    ["fr", "fr-CA"],
    ["fr-FR", "fr-CA"],
    ["en-CA,en;q=0.9,fr-CA;q=0.8", "en"],
    ["en;q=0.5,fr;q=0.8", "fr-CA"],
    ["de-DE,fr;q=0.7", "fr-CA"],
    ["de-DE,es;q=0.7", "en"],
    ["fr;q=0,en", "en"],
    ["*", "en"],
  ])("%s reads %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("isLocale", () => {
  it("takes only the two locales", () => {
    expect(isLocale("en")).toBe(true);
    expect(isLocale("fr-CA")).toBe(true);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
