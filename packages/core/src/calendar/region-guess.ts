/** A country (ISO 3166-1 alpha-2) and optional subdivision (the part of ISO 3166-2 after the dash). */
export interface RegionGuess {
  country: string;
  subdivision?: string;
}

/** The lists sign-up and Settings offer (built on the server by `regionCatalogue`). */
export interface RegionCatalogue {
  /** By name; each with its provinces or states, by name (empty when it has none). */
  countries: { code: string; name: string; subdivisions: { code: string; name: string }[] }[];
  /** For each zone, the regions it is likeliest to be in, best first. */
  zones: Record<string, RegionGuess[]>;
}

/**
 * The region to propose for a browser in `timeZone` whose languages are `languages`
 * (navigator.languages): the zone's own region; where several countries share the zone
 * (Africa/Lagos), the one the browser's language names ("en-NG"); for a zone that says
 * nothing (UTC), the language's country alone. Null when nothing points anywhere.
 */
export function proposeRegion(
  catalogue: RegionCatalogue,
  timeZone: string,
  languages: readonly string[] = [],
): RegionGuess | null {
  const known = new Set(catalogue.countries.map((c) => c.code));
  const spoken = languages
    .map((tag) => /^[a-z]{2,3}-([A-Z]{2})\b/i.exec(tag)?.[1]?.toUpperCase())
    .filter((code): code is string => code !== undefined && known.has(code));
  const candidates = catalogue.zones[timeZone] ?? [];
  const byLanguage = candidates.find((c) => spoken.includes(c.country));
  if (byLanguage) return byLanguage;
  if (candidates[0]) return candidates[0];
  return spoken[0] ? { country: spoken[0] } : null;
}
