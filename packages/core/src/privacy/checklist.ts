import type { PrivacyAnswerValue } from "@caseward/db/vocabulary";
import { privacyAnswerValues } from "@caseward/db/vocabulary";
import { z } from "zod";

import type { Locale } from "../i18n/locale";
import { translator } from "../i18n/translate";
import { findFullSecret } from "./find-full-secret";
import { freeText } from "./free-text";

/**
 * The privacy checklist (PRODUCT.md glossary): per company, the seed's privacy questions
 * (section 2 of the security checklist) answered yes / no / unsure, rated so the user sees at
 * a glance how careful the company is, and why.
 */

export { privacyAnswerValues };
export type { PrivacyAnswerValue };

/** 1 = nice to know, 2 = matters, 3 = decides whether your identity is at risk. */
export type PrivacyQuestionWeight = 1 | 2 | 3;

export interface PrivacyQuestion {
  /** Stable: stored with the answers, never renamed. */
  id: string;
  text: string;
  /** One sentence on why the question matters. */
  help: string;
  /** The reassuring answer. */
  good: "yes" | "no";
  weight: PrivacyQuestionWeight;
  /** Shown as the reason when the answer is the reassuring one. */
  whenGood: string;
  /** Shown as the reason when the answer is the worrying one. */
  whenBad: string;
}

// Order follows the seed's list; the wording is ours. The seed's "does it need your SIN in its
// database, and how does it safeguard it" is two questions here, because the answers differ.
export const privacyChecklistQuestions = [
  {
    id: "has_privacy_policy",
    text: "Does the company publish a privacy policy you can read?",
    help: "Without a written policy you cannot know what it does with your data, or hold it to anything.",
    good: "yes",
    weight: 2,
    whenGood: "It publishes a privacy policy.",
    whenBad: "It has no privacy policy you can read.",
  },
  {
    id: "committed_to_privacy",
    text: "Does it show a real commitment to privacy and security (a security page, a privacy officer you can write to)?",
    help: "A company that names who is responsible for your data is more likely to protect it.",
    good: "yes",
    weight: 1,
    whenGood: "It shows a real commitment to privacy and security.",
    whenBad: "It shows no sign of caring about privacy or security.",
  },
  {
    id: "staff_know_privacy_rules",
    text: "Do its employees seem to know and follow its privacy rules?",
    help: "A policy only protects you if the person on the phone applies it.",
    good: "yes",
    weight: 2,
    whenGood: "Its employees seem to follow its privacy rules.",
    whenBad: "Its employees do not seem to know or follow its privacy rules.",
  },
  {
    id: "policy_understood",
    text: "Have you read its privacy policy and understood what it does with your data?",
    help: "You can only agree to what you understand; a policy too vague to follow is a warning in itself.",
    good: "yes",
    weight: 1,
    whenGood: "You understand what it does with your data.",
    whenBad: "You do not understand what it does with your data.",
  },
  {
    id: "policy_dealbreaker",
    text: "Is there anything in its policy you disagree with enough to stop doing business with it?",
    help: "If a rule is unacceptable to you, it is better to know before you hand over more data.",
    good: "no",
    weight: 2,
    whenGood: "Nothing in its policy is a dealbreaker for you.",
    whenBad: "Something in its policy is a dealbreaker for you.",
  },
  {
    id: "policy_flexible",
    text: "Can you opt out of what you dislike (marketing, sharing with partners) and still be served?",
    help: "A flexible policy lets you give only what the service really needs.",
    good: "yes",
    weight: 1,
    whenGood: "You can opt out of what you dislike and still be served.",
    whenBad: "You cannot opt out of anything and still be served.",
  },
  {
    id: "identity_only_when_needed",
    text: "Does it ask for your real name and home address only when the service truly needs them?",
    help: "Every company that holds your name and address is one more place they can leak from.",
    good: "yes",
    weight: 2,
    whenGood: "It asks for your name and address only when the service needs them.",
    whenBad: "It asks for your name and address even when the service does not need them.",
  },
  {
    id: "address_on_map",
    text: "Can you find the company's physical address on a map?",
    help: "A real, findable office is a sign of a genuine business and gives you a postal channel.",
    good: "yes",
    weight: 1,
    whenGood: "Its physical address can be found on a map.",
    whenBad: "Its physical address cannot be found on a map.",
  },
  {
    id: "phone_reaches_right_people",
    text: "When you call its line, do you reach its own staff who are allowed to see your data?",
    help: "An unknown call centre or a forwarded line means more people can hear your personal details.",
    good: "yes",
    weight: 2,
    whenGood: "Its phone line reaches staff who are allowed to see your data.",
    whenBad: "Its phone line reaches people who should not see your data.",
  },
  {
    id: "national_id_justified",
    text: "If it asks for your SIN or SSN, does it give a legal reason (tax slips, a credit check)?",
    help: "A national id number opens credit in your name, so only a legal obligation justifies asking for it.",
    good: "yes",
    weight: 3,
    whenGood: "It asks for your SIN or SSN only with a legal reason, or not at all.",
    whenBad: "It asks for your SIN or SSN without a legal reason.",
  },
  {
    id: "national_id_kept_on_file",
    text: "Does it keep your SIN or SSN in its records after using it?",
    help: "A number that is not stored cannot leak in the next breach.",
    good: "no",
    weight: 2,
    whenGood: "It does not keep your SIN or SSN on file.",
    whenBad: "It keeps your SIN or SSN on file.",
  },
  {
    id: "national_id_safeguarded",
    text: "Does it explain how it keeps national id numbers away from people who should not see them?",
    help: "If it stores your SIN or SSN, access limits and encryption are what stand between it and a thief.",
    good: "yes",
    weight: 3,
    whenGood: "It explains how it protects the national id numbers it holds.",
    whenBad: "It does not explain how it protects the national id numbers it holds.",
  },
  {
    id: "discloses_who_processes",
    text: "Does it say who handles your data behind the scenes: its own employees, a contractor, or another company (for example, who files your taxes with the government)?",
    help: "Each contractor or third party is another organisation holding your data, often in another country.",
    good: "yes",
    weight: 2,
    whenGood: "It says who handles your data behind the scenes.",
    whenBad: "It does not say who handles your data behind the scenes.",
  },
  {
    id: "breach_plan",
    text: "Does it have a plan (or insurance) for a data breach, including telling you if your data leaks?",
    help: "A company with a plan warns you early, which is when changing passwords and freezing credit helps most.",
    good: "yes",
    weight: 2,
    whenGood: "It has a plan for a data breach.",
    whenBad: "It has no plan for a data breach.",
  },
  {
    id: "verify_without_id_copy",
    text: "Can you prove who you are without sending a copy of an ID document?",
    help: "A copy of your passport or driver's licence is everything an identity thief needs, so send one only when there is no other way.",
    good: "yes",
    weight: 3,
    whenGood: "You can prove who you are without sending an ID copy.",
    whenBad: "It insists on a copy of an ID document.",
  },
  {
    id: "id_copy_handled_securely",
    text: "If you must send ID, does it give you a secure way to send it (not plain email or chat) and say when it deletes it?",
    help: "An ID copy sitting in an inbox or a chat log can leak for years.",
    good: "yes",
    weight: 3,
    whenGood: "It gives a secure way to send ID and says when it deletes it.",
    whenBad: "It has no secure way to send ID, or keeps it indefinitely.",
  },
  {
    id: "secure_verification_channel",
    text: "Does it check who you are through a secure channel (its app, your online account, a call back to the number on file)?",
    help: "Asking you to recite personal details on an unverified call is how impostors get them too.",
    good: "yes",
    weight: 2,
    whenGood: "It checks who you are through a secure channel.",
    whenBad: "It checks who you are only through an insecure channel.",
  },
  {
    id: "alternative_ways_to_share",
    text: "Does it offer other ways to give it personal information (a branch, a secure upload, the post) if you are not comfortable with the first one?",
    help: "Alternatives let you pick the channel you trust instead of the one that is easiest for the company.",
    good: "yes",
    weight: 1,
    whenGood: "It offers other ways to give it personal information.",
    whenBad: "It offers only one way to give it personal information.",
  },
] as const satisfies readonly PrivacyQuestion[];

export type PrivacyQuestionId = (typeof privacyChecklistQuestions)[number]["id"];

/** The checklist's questions with their words in `locale` (the `PrivacyChecklist` catalogue). */
export function privacyChecklistIn(locale: Locale): PrivacyQuestion[] {
  const t = translator(locale, "PrivacyChecklist");
  return privacyChecklistQuestions.map((question) => ({
    ...question,
    text: t(`${question.id}.text`),
    help: t(`${question.id}.help`),
    whenGood: t(`${question.id}.whenGood`),
    whenBad: t(`${question.id}.whenBad`),
  }));
}

export const privacyQuestionIds = privacyChecklistQuestions.map((q) => q.id) as [
  PrivacyQuestionId,
  ...PrivacyQuestionId[],
];

/** One answer as the user saves it: the answer, and optionally a note and where they read it. */
export const privacyAnswerInput = z.object({
  answer: z.enum(privacyAnswerValues, "Answer yes, no or unsure."),
  note: freeText(2000, "note").optional(),
  sourceUrl: z
    .url({
      protocol: /^https?$/,
      error: "Give a web address starting with https:// (where you read it).",
    })
    .max(2000, "Keep the web address under 2,000 characters.")
    .refine(
      (url) =>
        findFullSecret(decodeURIComponent(url.replace(/%(?![0-9a-f]{2})/gi, "%25"))) === null,
      {
        message: "That address holds a full card or id number: leave it out.",
      },
    )
    .optional(),
});
export type PrivacyAnswerInput = z.input<typeof privacyAnswerInput>;
export type PrivacyAnswer = z.output<typeof privacyAnswerInput>;

export type PrivacyGrade = "good" | "fair" | "poor" | "unknown";

export interface PrivacyReason {
  questionId: string;
  effect: "raised" | "lowered" | "unknown";
  text: string;
}

export interface PrivacyRating {
  /** 0–100 over the answered questions; 0 when nothing is answered. */
  score: number;
  grade: PrivacyGrade;
  /** Questions with any answer, "unsure" included. */
  answered: number;
  total: number;
  /** Worrying answers first, then unsure, then reassuring; heavier questions first within each. */
  reasons: PrivacyReason[];
}

/** Grade thresholds on the score. */
export const PRIVACY_GOOD_SCORE = 75;
export const PRIVACY_FAIR_SCORE = 50;

const effectOrder: Record<PrivacyReason["effect"], number> = { lowered: 0, unknown: 1, raised: 2 };

/**
 * Rates a company's privacy from the user's answers.
 *
 * - Each answered question counts for its weight: the reassuring answer earns all of it, the
 *   worrying one nothing, "unsure" half (not knowing is itself a mild warning: a careful company
 *   makes these things easy to find out). Unanswered questions and unknown ids are ignored.
 * - score = earned / weight of the answered questions, as a rounded percentage.
 * - grade is "unknown" while fewer than a third of the questions are answered; otherwise good
 *   from 75, fair from 50, poor below. A worrying answer on a weight-3 question (national id,
 *   ID copies) caps the grade at "fair", however good the rest is.
 */
export function ratePrivacy(
  answers: Readonly<Record<string, { answer: PrivacyAnswerValue } | undefined>>,
  locale: Locale = "en",
): PrivacyRating {
  const t = translator(locale, "PrivacyChecklist");
  const total = privacyChecklistQuestions.length;
  let answered = 0;
  let possible = 0;
  let earned = 0;
  let seriousWorry = false;
  const reasons: (PrivacyReason & { weight: number; order: number })[] = [];

  privacyChecklistIn(locale).forEach((question, order) => {
    // Own properties only: an id such as "constructor" must not read the prototype.
    const given = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (!given) return;
    answered++;
    possible += question.weight;
    const base = { questionId: question.id, weight: question.weight, order };
    if (given.answer === "unsure") {
      earned += question.weight / 2;
      reasons.push({ ...base, effect: "unknown", text: t("notSure", { question: question.text }) });
    } else if (given.answer === question.good) {
      earned += question.weight;
      reasons.push({ ...base, effect: "raised", text: question.whenGood });
    } else {
      if (question.weight === 3) seriousWorry = true;
      reasons.push({ ...base, effect: "lowered", text: question.whenBad });
    }
  });

  const score = possible === 0 ? 0 : Math.round((earned / possible) * 100);
  let grade: PrivacyGrade;
  if (answered * 3 < total) grade = "unknown";
  else if (score >= PRIVACY_GOOD_SCORE && !seriousWorry) grade = "good";
  else if (score >= PRIVACY_FAIR_SCORE) grade = "fair";
  else grade = "poor";

  reasons.sort(
    (a, b) =>
      effectOrder[a.effect] - effectOrder[b.effect] || b.weight - a.weight || a.order - b.order,
  );
  return {
    score,
    grade,
    answered,
    total,
    reasons: reasons.map(({ questionId, effect, text }) => ({ questionId, effect, text })),
  };
}

/** How long a checklist stays trusted: policies and practices change. */
export const PRIVACY_REVIEW_MONTHS = 12;

/**
 * Whether a company's checklist should be reviewed again: never reviewed (or an unreadable
 * date), or reviewed a year ago or more. "A year" is calendar months in UTC, so the review falls
 * due on the anniversary (29 February rolls to 1 March). A review dated in the future (a clock
 * ahead of ours) does not need one.
 */
export function needsReview(reviewedAt: Date | null, now: Date): boolean {
  if (!reviewedAt || Number.isNaN(reviewedAt.getTime())) return true;
  const due = new Date(reviewedAt.getTime());
  due.setUTCMonth(due.getUTCMonth() + PRIVACY_REVIEW_MONTHS);
  return now.getTime() >= due.getTime();
}
