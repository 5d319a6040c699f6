import { describe, expect, it } from "vitest";

import { proposeRegion } from "./region-guess";
import { regionCatalogue, regionProblem } from "./regions";

describe("regionCatalogue", () => {
  const catalogue = regionCatalogue();

  it("lists countries and their provinces or states by name", () => {
    const canada = catalogue.countries.find((c) => c.code === "CA");
    expect(canada?.name).toBe("Canada");
    expect(canada?.subdivisions).toContainEqual({ code: "ON", name: "Ontario" });
    expect(catalogue.countries.find((c) => c.code === "US")?.name).toBe("United States");
    expect(catalogue.countries.find((c) => c.code === "IS")?.subdivisions).toEqual([]);
    const names = catalogue.countries.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });

  // prettier-ignore
  it.each([
    { zone: "America/Toronto", languages: ["en-US"], region: { country: "CA", subdivision: "ON" } },
    { zone: "America/Vancouver", languages: [], region: { country: "CA", subdivision: "BC" } },
    { zone: "America/Halifax", languages: [], region: { country: "CA", subdivision: "NS" } },
    { zone: "America/New_York", languages: [], region: { country: "US", subdivision: "NY" } },
    { zone: "America/Chicago", languages: [], region: { country: "US", subdivision: "IL" } },
    { zone: "America/Los_Angeles", languages: [], region: { country: "US", subdivision: "CA" } },
    { zone: "Europe/London", languages: [], region: { country: "GB", subdivision: "ENG" } },
    { zone: "Australia/Sydney", languages: [], region: { country: "AU", subdivision: "NSW" } },
    { zone: "Europe/Paris", languages: ["fr-FR"], region: { country: "FR" } },
    { zone: "Asia/Tokyo", languages: ["ja"], region: { country: "JP" } },
    { why: "a zone several countries share: the browser's language decides", zone: "Africa/Lagos", languages: ["en-NG", "en"], region: { country: "NG" } },
    { why: "a zone that says nothing: the language's country", zone: "UTC", languages: ["fr-CA"], region: { country: "CA" } },
    { why: "nothing to go on", zone: "UTC", languages: ["en"], region: null },
  ])("proposes $region for $zone ($languages)", ({ zone, languages, region }) => {
    expect(proposeRegion(catalogue, zone, languages)).toEqual(region);
  });

  it("proposes only regions it lists", () => {
    for (const guesses of Object.values(catalogue.zones)) {
      for (const { country, subdivision } of guesses) {
        expect(regionProblem(country, subdivision)).toBeNull();
      }
    }
  });
});
