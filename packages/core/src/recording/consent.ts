import { AUSTRALIA, AUSTRALIA_SUBDIVISIONS } from "./australia";
import { CANADA, CANADA_SUBDIVISIONS } from "./canada";
import { EU_MEMBER_STATES } from "./european-union";
import type { RecordingConsent, Region } from "./types";
import { UNITED_KINGDOM } from "./united-kingdom";
import { UNITED_STATES, US_STATES } from "./us-states";

// Common non-ISO spellings users and the EU itself use.
const COUNTRY_ALIASES: Record<string, string> = { UK: "GB", EL: "GR" };

const normalizeCountry = (country: string) => {
  const code = country.trim().toUpperCase();
  return COUNTRY_ALIASES[code] ?? code;
};

/** "ON", "on" and ISO 3166-2 "CA-ON" all mean Ontario. */
function normalizeSubdivision(
  country: string,
  subdivision: string | undefined,
): string | undefined {
  const code = subdivision?.trim().toUpperCase();
  if (!code) return undefined;
  return code.startsWith(`${country}-`) ? code.slice(country.length + 1) : code;
}

/**
 * Countries where the rule depends on the subdivision. Without one we give the country
 * answer (conservative where states differ); with an unknown one we say we do not know.
 */
const BY_SUBDIVISION: Record<
  string,
  [country: RecordingConsent, subdivisions: Record<string, RecordingConsent>]
> = {
  US: [UNITED_STATES, US_STATES],
  AU: [AUSTRALIA, AUSTRALIA_SUBDIVISIONS],
  CA: [CANADA, CANADA_SUBDIVISIONS],
};

/** Countries with one national rule; a subdivision does not change it. */
const NATIONAL: Record<string, RecordingConsent> = { GB: UNITED_KINGDOM, ...EU_MEMBER_STATES };

/**
 * Whose consent recording a call needs where the user is, in plain words with its legal
 * source, or null for a region we have no table for (callers then advise announcing it).
 */
export function recordingConsent(region: Region): RecordingConsent | null {
  const country = normalizeCountry(region.country);
  const national = NATIONAL[country];
  if (national) return national;
  const bySubdivision = BY_SUBDIVISION[country];
  if (!bySubdivision) return null;
  const [countryWide, subdivisions] = bySubdivision;
  const subdivision = normalizeSubdivision(country, region.subdivision);
  if (!subdivision) return countryWide;
  return subdivisions[subdivision] ?? null;
}
