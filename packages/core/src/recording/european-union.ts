import type { RecordingConsent } from "./types";

/**
 * GDPR does not apply to a recording made purely for your own records (art. 2(2)(c)), so the
 * consent question falls to each member state's criminal law, and those differ: some let a
 * participant record, others punish any recording made without consent. We do not ship 27
 * legal opinions; we answer all-party everywhere and name the strict laws we are sure of.
 */
const GDPR =
  "GDPR (Regulation (EU) 2016/679) art. 2(2)(c) — https://eur-lex.europa.eu/eli/reg/2016/679/oj";

const MEMBER_STATES: Record<string, string> = {
  AT: "Austria",
  BE: "Belgium",
  BG: "Bulgaria",
  HR: "Croatia",
  CY: "Cyprus",
  CZ: "Czechia",
  DK: "Denmark",
  EE: "Estonia",
  FI: "Finland",
  FR: "France",
  DE: "Germany",
  GR: "Greece",
  HU: "Hungary",
  IE: "Ireland",
  IT: "Italy",
  LV: "Latvia",
  LT: "Lithuania",
  LU: "Luxembourg",
  MT: "Malta",
  NL: "the Netherlands",
  PL: "Poland",
  PT: "Portugal",
  RO: "Romania",
  SK: "Slovakia",
  SI: "Slovenia",
  ES: "Spain",
  SE: "Sweden",
};

/** Member states whose criminal code punishes recording private words without consent. */
const STRICT_LAWS: Record<string, [law: string, sentence: string]> = {
  // Source: Strafgesetzbuch § 201 (Verletzung der Vertraulichkeit des Wortes).
  DE: [
    "StGB § 201",
    "German criminal law punishes recording someone's private words without their consent.",
  ],
  // Source: Code pénal art. 226-1.
  FR: [
    "Code pénal art. 226-1",
    "French criminal law punishes recording someone's private words without their consent.",
  ],
  // Source: Código Penal art. 199 (gravações ilícitas).
  PT: [
    "Código Penal art. 199",
    "Portuguese criminal law punishes recording someone's words without their consent, even words spoken to you.",
  ],
  // Source: Greek Penal Code art. 370A.
  GR: [
    "Penal Code art. 370A",
    "Greek criminal law punishes recording a conversation without the consent of those speaking.",
  ],
};

function memberStateEntry(code: string, name: string): RecordingConsent {
  const strict = STRICT_LAWS[code];
  if (strict) {
    const [law, sentence] = strict;
    return {
      rule: "all_party",
      summary: `${sentence} Tell the representative and record only if they agree.`,
      source: `${law}; ${GDPR}`,
    };
  }
  return {
    rule: "all_party",
    summary: `Rules on recording your own calls differ across the EU and some countries punish secret recording, so Caseward treats ${name} as requiring everyone's informed consent. Tell the representative and record only if they agree.`,
    source: `${GDPR}; national criminal law`,
  };
}

/** The 27 member states, keyed by ISO 3166-1 alpha-2 (Greece is GR; the EU's "EL" is an alias). */
export const EU_MEMBER_STATES: Record<string, RecordingConsent> = Object.fromEntries(
  Object.entries(MEMBER_STATES).map(([code, name]) => [code, memberStateEntry(code, name)]),
);
