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

let catalogue: RegionCatalogue | undefined;

/** Every country with holiday data, its subdivisions, and what each zone proposes. Built once. */
export function regionCatalogue(): RegionCatalogue {
  if (catalogue) return catalogue;
  const source = new Holidays();
  const countryNames = new Intl.DisplayNames("en", { type: "region" });
  const countries: RegionCatalogue["countries"] = [];
  const zones: Record<string, RegionGuess[]> = {};
  const byZone = new Map<string, { country: string; subdivisions: string[] }[]>();
  const named = Object.entries(source.getCountries("en"));
  for (const [code, fallbackName] of named) {
    const countryZones = new Holidays(code).getTimezones() ?? [];
    const states = Object.entries(source.getStates(code, "en") ?? {});
    countries.push({
      code,
      name: countryNames.of(code) ?? fallbackName,
      subdivisions: states
        .map(([sub, name]) => ({ code: sub, name }))
        .sort((a, b) => a.name.localeCompare(b.name, "en")),
    });
    for (const zone of countryZones) {
      const list = byZone.get(zone) ?? [];
      list.push({ country: code, subdivisions: [] });
      byZone.set(zone, list);
    }
    // A subdivision with zones of its own (Ontario: Toronto; British Columbia: Vancouver) is
    // proposed for the first of them; one that only repeats the country's list says nothing.
    for (const [sub] of states) {
      const own = new Holidays(code, sub).getTimezones() ?? [];
      const first = own[0];
      if (!first || own.join() === countryZones.join()) continue;
      const entry = byZone.get(first)?.find((e) => e.country === code);
      entry?.subdivisions.push(sub);
    }
  }
  for (const [zone, entries] of byZone) {
    const city = normalise(zone.split("/").at(-1) ?? "");
    zones[zone] = entries.map(({ country, subdivisions }) => {
      const names = countries.find((c) => c.code === country)?.subdivisions ?? [];
      const subdivision =
        subdivisions.length === 1
          ? subdivisions[0]
          : (names.find((s) => subdivisions.includes(s.code) && normalise(s.name) === city)?.code ??
            (cityRegions[zone] && names.some((s) => s.code === cityRegions[zone])
              ? cityRegions[zone]
              : undefined));
      return subdivision ? { country, subdivision } : { country };
    });
  }
  countries.sort((a, b) => a.name.localeCompare(b.name, "en"));
  catalogue = { countries, zones };
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
  const found = regionCatalogue().countries.find((c) => c.code === country);
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
