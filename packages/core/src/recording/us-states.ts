import type { RecordingConsent } from "./types";

/**
 * Federal law lets a party record (18 U.S.C. § 2511(2)(d)); states may be stricter. The
 * all-party states are written out with their nuance; every other state is one-party.
 * Where a state's rule is split or unsettled we answer all-party, because the cost of
 * needlessly announcing a recording is nothing and the cost of an illegal one is a crime.
 */
const FEDERAL = "18 U.S.C. § 2511(2)(d)";

const ONE_PARTY_STATES: Record<string, [name: string, statute: string]> = {
  AL: ["Alabama", "Ala. Code §§ 13A-11-30, 13A-11-31"],
  AK: ["Alaska", "Alaska Stat. § 42.20.310"],
  AZ: ["Arizona", "Ariz. Rev. Stat. §§ 13-3005, 13-3012(9)"],
  AR: ["Arkansas", "Ark. Code Ann. § 5-60-120"],
  CO: ["Colorado", "Colo. Rev. Stat. §§ 18-9-303, 18-9-304"],
  DC: ["the District of Columbia", "D.C. Code § 23-542(b)(3)"],
  GA: ["Georgia", "Ga. Code Ann. § 16-11-66(a)"],
  HI: ["Hawaii", "Haw. Rev. Stat. § 803-42(b)(3)"],
  ID: ["Idaho", "Idaho Code § 18-6702(2)(d)"],
  IN: ["Indiana", "Ind. Code § 35-33.5-1-5"],
  IA: ["Iowa", "Iowa Code § 808B.2(2)(c)"],
  KS: ["Kansas", "Kan. Stat. Ann. § 21-6101"],
  KY: ["Kentucky", "Ky. Rev. Stat. §§ 526.010, 526.020"],
  LA: ["Louisiana", "La. Rev. Stat. § 15:1303(C)(4)"],
  ME: ["Maine", "Me. Rev. Stat. tit. 15, §§ 709, 710"],
  MN: ["Minnesota", "Minn. Stat. § 626A.02, subd. 2(d)"],
  MS: ["Mississippi", "Miss. Code Ann. § 41-29-531(e)"],
  MO: ["Missouri", "Mo. Rev. Stat. § 542.402.2(3)"],
  NE: ["Nebraska", "Neb. Rev. Stat. § 86-290(2)(c)"],
  NJ: ["New Jersey", "N.J. Stat. Ann. § 2A:156A-4(d)"],
  NM: ["New Mexico", "N.M. Stat. Ann. § 30-12-1"],
  NY: ["New York", "N.Y. Penal Law §§ 250.00, 250.05"],
  NC: ["North Carolina", "N.C. Gen. Stat. § 15A-287(a)"],
  ND: ["North Dakota", "N.D. Cent. Code § 12.1-15-02(3)(c)"],
  OH: ["Ohio", "Ohio Rev. Code § 2933.52(B)(4)"],
  OK: ["Oklahoma", "Okla. Stat. tit. 13, § 176.4(5)"],
  RI: ["Rhode Island", "R.I. Gen. Laws § 11-35-21(c)(3)"],
  SC: ["South Carolina", "S.C. Code Ann. § 17-30-30(C)"],
  SD: ["South Dakota", "S.D. Codified Laws § 23A-35A-20"],
  TN: ["Tennessee", "Tenn. Code Ann. § 39-13-601(b)(5)"],
  TX: ["Texas", "Tex. Penal Code § 16.02(c)(4)"],
  UT: ["Utah", "Utah Code § 77-23a-4(7)(b)"],
  VT: ["Vermont", "no Vermont wiretap statute; federal rule applies"],
  VA: ["Virginia", "Va. Code § 19.2-62(B)(2)"],
  WV: ["West Virginia", "W. Va. Code § 62-1D-3(e)"],
  WI: ["Wisconsin", "Wis. Stat. § 968.31(2)(c)"],
  WY: ["Wyoming", "Wyo. Stat. § 7-3-702(b)(iv)"],
};

// Why every one-party summary still says "tell them": the representative may sit in an
// all-party state, and California applies its law to calls with its residents
// (Kearney v. Salomon Smith Barney, 39 Cal. 4th 95 (2006)).
function oneParty(name: string, statute: string): RecordingConsent {
  return {
    rule: "one_party",
    summary: `In ${name} only one party — you — needs to consent; still tell the representative you are recording, since they may be in a state that requires everyone's consent.`,
    source: `${statute}; ${FEDERAL}`,
  };
}

const allParty = (summary: string, source: string): RecordingConsent => ({
  rule: "all_party",
  summary,
  source,
});

const ALL_PARTY_STATES: Record<string, RecordingConsent> = {
  CA: allParty(
    "California requires everyone's consent to record a confidential call, including any call on a cell or cordless phone. Tell the representative before you start recording.",
    "Cal. Penal Code §§ 632, 632.7",
  ),
  CT: allParty(
    "Connecticut's civil law requires everyone's consent to record a phone call, even though its criminal law needs only one party. Announcing the recording at the start of the call, on the recording, satisfies it.",
    "Conn. Gen. Stat. § 52-570d (civil); § 53a-187 (criminal, one-party)",
  ),
  DE: allParty(
    "Delaware's wiretap law lets one party record, but its privacy law appears to require everyone's consent and courts have not settled the conflict. Caseward treats it as all-party: tell the representative.",
    "Del. Code tit. 11, § 2402(c)(4) (one-party) vs. § 1335(a)(4) (all-party)",
  ),
  FL: allParty(
    "Florida requires everyone's consent to record a private call, and recording without it is a felony. Tell the representative before you start recording.",
    "Fla. Stat. § 934.03(2)(d)",
  ),
  IL: allParty(
    "Illinois forbids secretly recording a private conversation without everyone's consent. Tell the representative you are recording.",
    "720 ILCS 5/14-2(a)",
  ),
  MD: allParty(
    "Maryland requires everyone's consent to record a call. Tell the representative before you start recording.",
    "Md. Code, Cts. & Jud. Proc. § 10-402(c)(3)",
  ),
  MA: allParty(
    "Massachusetts forbids secret recording, so everyone on the call must know it is being recorded. Tell the representative before you start recording.",
    "Mass. Gen. Laws ch. 272, § 99",
  ),
  MI: allParty(
    "Michigan's eavesdropping law has been read by one appeals court to let a participant record, but that reading is not settled. Caseward treats it as all-party: tell the representative.",
    "Mich. Comp. Laws § 750.539c; Sullivan v. Gray, 117 Mich. App. 476 (1982)",
  ),
  MT: allParty(
    "Montana requires that everyone on the call be told it is being recorded. Tell the representative before you start recording.",
    "Mont. Code Ann. § 45-8-213(1)(c)",
  ),
  NV: allParty(
    "Nevada requires everyone's consent to record a phone call, although one party may record an in-person conversation. Tell the representative before you start recording.",
    "Nev. Rev. Stat. §§ 200.620, 200.650; Lane v. Allstate Ins. Co., 114 Nev. 1176 (1998)",
  ),
  NH: allParty(
    "New Hampshire requires everyone's consent to record a call. Tell the representative before you start recording.",
    "N.H. Rev. Stat. Ann. § 570-A:2",
  ),
  OR: allParty(
    "Oregon lets one party record a phone call but requires telling everyone before recording an in-person conversation. Caseward uses the stricter rule: tell the representative.",
    "Or. Rev. Stat. § 165.540(1)(a) (phone, one-party), (1)(c) (in person, all informed)",
  ),
  PA: allParty(
    "Pennsylvania requires everyone's consent to record a call. Tell the representative before you start recording.",
    "18 Pa. Cons. Stat. §§ 5703, 5704(4)",
  ),
  WA: allParty(
    "Washington requires everyone's consent to record a private call; announcing the recording so that the announcement itself is recorded counts as consent.",
    "Wash. Rev. Code § 9.73.030(1)(a), (3)",
  ),
};

/** All 50 states and DC, keyed by USPS code. */
export const US_STATES: Record<string, RecordingConsent> = {
  ...Object.fromEntries(
    Object.entries(ONE_PARTY_STATES).map(([code, [name, statute]]) => [
      code,
      oneParty(name, statute),
    ]),
  ),
  ...ALL_PARTY_STATES,
};

/** Without a state we cannot know the stricter local rule, so we answer conservatively. */
export const UNITED_STATES: RecordingConsent = allParty(
  "Federal law lets one party record, but about a dozen states require everyone's consent. Until you choose your state, Caseward assumes everyone must agree: tell the representative.",
  `${FEDERAL}; state laws vary`,
);
