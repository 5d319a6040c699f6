/** Whose consent the law asks for before a call may be recorded. */
export type ConsentRule = "one_party" | "all_party";

/** A country as ISO 3166-1 alpha-2 ("CA") and optionally its ISO 3166-2 subdivision ("ON" or "CA-ON"). */
export interface Region {
  country: string;
  subdivision?: string;
}

export interface RecordingConsent {
  rule: ConsentRule;
  /** One or two plain sentences for the user, with the nuance that the rule alone hides. */
  summary: string;
  /** Statute or official page the rule comes from. */
  source: string;
}
