/**
 * The countries and provinces/states a business calendar can follow (those date-holidays has
 * public holidays for), with their names, and the region each time zone most likely means:
 * sign-up and Settings offer these as lists and propose one from the browser's zone.
 */
import Holidays from "date-holidays";

import type { RegionCatalogue, RegionGuess } from "./region-guess";

// A zone is named after a city: where several provinces or states share it, the city's own
// is the likeliest (Chicago is in Illinois, not in the first state on the list).
const cityRegions: Record<string, string> = {
  "America/Chicago": "IL",
  "America/Denver": "CO",
  "America/Los_Angeles": "CA",
  "America/Fortaleza": "CE",
  "America/Recife": "PE",
  "Australia/Sydney": "NSW",
  "Europe/London": "ENG",
};

const normalise = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();

let countries: RegionCatalogue["countries"] | undefined;
let catalogue: RegionCatalogue | undefined;

/** Every country with holiday data and its subdivisions, by name (a few ms, once). */
function countryList(): RegionCatalogue["countries"] {
  if (countries) return countries;
  const source = new Holidays();
  const countryNames = new Intl.DisplayNames("en", { type: "region" });
  countries = Object.entries(source.getCountries("en"))
    .map(([code, fallbackName]) => ({
      code,
      name: countryNames.of(code) ?? fallbackName,
      subdivisions: Object.entries(source.getStates(code, "en") ?? {})
        .map(([sub, name]) => ({ code: sub, name }))
        .sort((a, b) => a.name.localeCompare(b.name, "en")),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
  return countries;
}

/**
 * The lists and what each zone proposes. Reading every region's zones costs ~0.4 s, so it is
 * done once per process, on the first sign-up or Settings page.
 */
export function regionCatalogue(): RegionCatalogue {
  if (catalogue) return catalogue;
  const list = countryList();
  const byZone = new Map<string, { country: string; subdivisions: string[] }[]>();
  for (const { code, subdivisions } of list) {
    const countryZones = new Holidays(code).getTimezones() ?? [];
    for (const zone of countryZones) {
      byZone.set(zone, [...(byZone.get(zone) ?? []), { country: code, subdivisions: [] }]);
    }
    // A subdivision with zones of its own (Ontario: Toronto; British Columbia: Vancouver) is
    // proposed for the first of them; one that only repeats the country's list says nothing.
    for (const { code: sub } of subdivisions) {
      const own = new Holidays(code, sub).getTimezones() ?? [];
      const first = own[0];
      if (!first || own.join() === countryZones.join()) continue;
      byZone
        .get(first)
        ?.find((entry) => entry.country === code)
        ?.subdivisions.push(sub);
    }
  }
  const zones: Record<string, RegionGuess[]> = {};
  for (const [zone, entries] of byZone) {
    const city = normalise(zone.split("/").at(-1) ?? "");
    zones[zone] = entries.map(({ country, subdivisions }) => {
      const names = list.find((c) => c.code === country)?.subdivisions ?? [];
      const subdivision =
        subdivisions.length === 1
          ? subdivisions[0]
          : (names.find((s) => subdivisions.includes(s.code) && normalise(s.name) === city)?.code ??
            names.find((s) => s.code === cityRegions[zone])?.code);
      return subdivision ? { country, subdivision } : { country };
    });
  }
  catalogue = { countries: list, zones };
  return catalogue;
}

/**
 * Why a country and subdivision cannot make a business calendar, as a field and a sentence,
 * or null when they can.
 */
export function regionProblem(
  country: string,
  subdivision: string | undefined,
): { field: "country" | "subdivision"; message: string } | null {
  const found = countryList().find((c) => c.code === country);
  if (!found) {
    return { field: "country", message: "Pick your country from the list." };
  }
  if (subdivision !== undefined && !found.subdivisions.some((s) => s.code === subdivision)) {
    return {
      field: "subdivision",
      message:
        found.subdivisions.length === 0
          ? `${found.name} has no provinces or states to pick from: leave it empty.`
          : `Pick your province or state in ${found.name} from the list.`,
    };
  }
  return null;
}
