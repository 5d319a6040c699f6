import type { Locale } from "../i18n/locale";
import { translator } from "../i18n/translate";

/**
 * The readiness check shown when a contact session opens: what makes a contact safe, each with
 * whether it is done and where to fix it. It advises, it never blocks.
 */

export type ReadinessItemId =
  | "verified_channel"
  | "questions"
  | "privacy_checklist"
  | "willing_to_share"
  | "recording"
  | "representative";

export interface ReadinessItem {
  id: ReadinessItemId;
  ready: boolean;
  text: string;
  /** Where it is fixed: a path in the app, or a field on the session screen ("#…"). */
  href: string;
}

export interface ReadinessInput {
  caseId: string;
  companyId: string;
  /** The channel picked in the session; null when only a kind is picked. */
  channel: { status: "verified" | "unverified" | "suspicious" } | null;
  openNeedQuestions: number;
  openNiceQuestions: number;
  checklistNeedsReview: boolean;
  willingToShareDecided: boolean;
  /** The region's rule: null when the region has no rule on file. */
  recording: "one_party" | "all_party" | null;
  representativeNoted: boolean;
}

/** The readiness check, its sentences in the user's language. */
export function contactReadiness(input: ReadinessInput, locale: Locale = "en"): ReadinessItem[] {
  const t = translator(locale, "Readiness");
  const company = `/companies/${input.companyId}`;
  const questions = input.openNeedQuestions + input.openNiceQuestions;
  return [
    {
      id: "verified_channel",
      ready: input.channel?.status === "verified",
      text:
        input.channel?.status === "verified"
          ? t("verifiedChannel")
          : input.channel?.status === "suspicious"
            ? t("suspiciousChannel")
            : t("unverifiedChannel"),
      href: `${company}#ladder`,
    },
    {
      id: "questions",
      ready: input.openNeedQuestions > 0,
      text:
        input.openNeedQuestions > 0
          ? t("openQuestions", { count: questions, need: input.openNeedQuestions })
          : t("noQuestions"),
      href: `/cases/${input.caseId}#questions`,
    },
    {
      id: "privacy_checklist",
      ready: !input.checklistNeedsReview,
      text: input.checklistNeedsReview ? t("checklistToReview") : t("checklistReviewed"),
      href: `${company}/privacy`,
    },
    {
      id: "willing_to_share",
      ready: input.willingToShareDecided,
      text: input.willingToShareDecided ? t("willingDecided") : t("willingToDecide"),
      href: `${company}/privacy#willing`,
    },
    {
      id: "recording",
      ready: input.recording !== null,
      text:
        input.recording === "one_party"
          ? t("recordingOneParty")
          : input.recording === "all_party"
            ? t("recordingAllParty")
            : t("recordingUnknown"),
      href: "/settings",
    },
    {
      id: "representative",
      ready: input.representativeNoted,
      text: input.representativeNoted ? t("representativeNoted") : t("representativeToNote"),
      href: "#session-rep-name",
    },
  ];
}
