import type { RecordingConsent } from "./types";

/**
 * Interception is federal criminal law in Canada, so every province and territory has the
 * same rule: a party to the conversation may consent for everyone (s. 184(2)(a)).
 */
// Source: Criminal Code, R.S.C. 1985, c. C-46, s. 184(2)(a).
const SOURCE =
  "Criminal Code (Canada), s. 184(2)(a) — https://laws-lois.justice.gc.ca/eng/acts/c-46/section-184.html";

const PROVINCES: Record<string, string> = {
  AB: "Alberta",
  BC: "British Columbia",
  MB: "Manitoba",
  NB: "New Brunswick",
  NL: "Newfoundland and Labrador",
  NS: "Nova Scotia",
  NT: "the Northwest Territories",
  NU: "Nunavut",
  ON: "Ontario",
  PE: "Prince Edward Island",
  QC: "Quebec",
  SK: "Saskatchewan",
  YT: "Yukon",
};

function canadianEntry(place: string): RecordingConsent {
  return {
    rule: "one_party",
    summary: `In ${place} only one party — you — needs to consent; still tell the representative you are recording.`,
    source: SOURCE,
  };
}

export const CANADA: RecordingConsent = canadianEntry("Canada");

export const CANADA_SUBDIVISIONS: Record<string, RecordingConsent> = Object.fromEntries(
  Object.entries(PROVINCES).map(([code, place]) => [code, canadianEntry(place)]),
);
