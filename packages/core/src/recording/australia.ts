import type { RecordingConsent } from "./types";

/**
 * A phone call passes over a telecommunications system, so federal law governs it: recording
 * it without the other person's knowledge can be an "interception" (TIA Act ss. 6, 7). State
 * and territory listening-device laws cover in-person talk and differ, so every entry here is
 * all-party for calls and its summary says what the local law adds.
 */
// Source: Telecommunications (Interception and Access) Act 1979 (Cth) ss. 6(1), 7(1).
const TIA_ACT = "Telecommunications (Interception and Access) Act 1979 (Cth) ss. 6, 7";

const PHONE_RULE =
  "Federal law forbids recording a phone call without the other person knowing, so tell the representative before you start recording.";

// [local statute, what it says about a participant recording in person]
const STATES: Record<string, [statute: string, local: string]> = {
  NSW: [
    "Surveillance Devices Act 2007 (NSW) s. 7",
    "New South Wales also requires everyone's consent, except where recording is reasonably necessary to protect your lawful interests.",
  ],
  VIC: [
    "Surveillance Devices Act 1999 (Vic) ss. 6, 11",
    "Victoria lets a participant record an in-person conversation but limits sharing the recording.",
  ],
  QLD: [
    "Invasion of Privacy Act 1971 (Qld) s. 43",
    "Queensland lets a participant record an in-person conversation.",
  ],
  WA: [
    "Surveillance Devices Act 1998 (WA) s. 5",
    "Western Australia also requires everyone's consent, with narrow exceptions to protect your lawful interests.",
  ],
  SA: [
    "Surveillance Devices Act 2016 (SA) s. 4",
    "South Australia also requires everyone's consent, with narrow exceptions to protect your lawful interests.",
  ],
  TAS: [
    "Listening Devices Act 1991 (Tas) s. 5",
    "Tasmania also requires everyone's consent, with narrow exceptions to protect your lawful interests.",
  ],
  ACT: [
    "Listening Devices Act 1992 (ACT) s. 4",
    "The Australian Capital Territory also requires everyone's consent, with narrow exceptions to protect your lawful interests.",
  ],
  NT: [
    "Surveillance Devices Act 2007 (NT) s. 11",
    "The Northern Territory lets a participant record an in-person conversation.",
  ],
};

export const AUSTRALIA: RecordingConsent = {
  rule: "all_party",
  summary: `${PHONE_RULE} State and territory laws on in-person recording differ.`,
  source: TIA_ACT,
};

export const AUSTRALIA_SUBDIVISIONS: Record<string, RecordingConsent> = Object.fromEntries(
  Object.entries(STATES).map(([code, [statute, local]]) => [
    code,
    { rule: "all_party", summary: `${PHONE_RULE} ${local}`, source: `${TIA_ACT}; ${statute}` },
  ]),
);
