import { countOf } from "../plural";

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

export function contactReadiness(input: ReadinessInput): ReadinessItem[] {
  const company = `/companies/${input.companyId}`;
  const questions = input.openNeedQuestions + input.openNiceQuestions;
  return [
    {
      id: "verified_channel",
      ready: input.channel?.status === "verified",
      text:
        input.channel?.status === "verified"
          ? "You are using a verified channel."
          : input.channel?.status === "suspicious"
            ? "This channel is suspicious: pick a verified one before you share anything."
            : "This channel is not verified: check it against a bill, a statement or the official website.",
      href: `${company}#ladder`,
    },
    {
      id: "questions",
      ready: input.openNeedQuestions > 0,
      text:
        input.openNeedQuestions > 0
          ? `${countOf(questions, "open question")}, ${input.openNeedQuestions} you need answered.`
          : "List what you need answered, most important first.",
      href: `/cases/${input.caseId}#questions`,
    },
    {
      id: "privacy_checklist",
      ready: !input.checklistNeedsReview,
      text: input.checklistNeedsReview
        ? "Review this company's privacy checklist (never done, or over a year old)."
        : "You reviewed this company's privacy checklist this year.",
      href: `${company}/privacy`,
    },
    {
      id: "willing_to_share",
      ready: input.willingToShareDecided,
      text: input.willingToShareDecided
        ? "You decided what personal data you are willing to give."
        : "Decide what personal data you are willing to give this company.",
      href: `${company}/privacy#willing`,
    },
    {
      id: "recording",
      ready: input.recording !== null,
      text:
        input.recording === "one_party"
          ? "You may record this call in your region (one-party consent)."
          : input.recording === "all_party"
            ? "Everyone must agree before you record: ask first, or take notes instead."
            : "Set your region to see whether you may record calls.",
      href: "/settings",
    },
    {
      id: "representative",
      ready: input.representativeNoted,
      text: input.representativeNoted
        ? "The representative is noted; the start time is kept for you."
        : "Ask for the representative's name and id first; the start time is kept for you.",
      href: "#session-rep-name",
    },
  ];
}
