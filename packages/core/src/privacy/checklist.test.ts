import { describe, expect, it } from "vitest";

import {
  needsReview,
  privacyAnswerInput,
  privacyChecklistIn,
  privacyChecklistQuestions,
  ratePrivacy,
  type PrivacyAnswerValue,
  type PrivacyQuestionId,
} from "./checklist";

type Answers = Partial<Record<PrivacyQuestionId, { answer: PrivacyAnswerValue }>>;

const good = (id: PrivacyQuestionId) =>
  privacyChecklistQuestions.find((q) => q.id === id)?.good ?? "yes";
const bad = (id: PrivacyQuestionId) => (good(id) === "yes" ? "no" : "yes");

/** Every question answered with `pick`, then the overrides. */
function answerAll(
  pick: (id: PrivacyQuestionId) => PrivacyAnswerValue,
  overrides: Answers = {},
): Answers {
  const answers: Answers = {};
  for (const q of privacyChecklistQuestions) answers[q.id] = { answer: pick(q.id) };
  return { ...answers, ...overrides };
}

const weight2: PrivacyQuestionId[] = [
  "has_privacy_policy",
  "staff_know_privacy_rules",
  "policy_dealbreaker",
  "identity_only_when_needed",
  "phone_reaches_right_people",
  "breach_plan",
];

/** Six weight-2 questions answered as listed ("g" good, "b" bad, "u" unsure). */
function sixOfWeight2(pattern: string): Answers {
  const answers: Answers = {};
  weight2.forEach((id, i) => {
    const letter = pattern[i];
    answers[id] = { answer: letter === "g" ? good(id) : letter === "b" ? bad(id) : "unsure" };
  });
  return answers;
}

describe("privacyChecklistQuestions", () => {
  it("covers the seed's privacy list with unique snake_case ids", () => {
    const ids = privacyChecklistQuestions.map((q) => q.id);
    expect(ids).toHaveLength(18);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:_[a-z0-9]+)*$/);
  });

  it.each(privacyChecklistQuestions.map((q) => [q.id, q] as const))(
    "%s is a question with one-sentence help and a weight of 1–3",
    (_id, q) => {
      expect(q.text).toMatch(/\?$/);
      expect(q.help).toMatch(/^[A-Z].*\.$/);
      expect(q.help.slice(0, -1)).not.toMatch(/[.!?] /);
      expect([1, 2, 3]).toContain(q.weight);
      expect(["yes", "no"]).toContain(q.good);
      expect(q.whenGood).not.toBe(q.whenBad);
    },
  );
});

describe("ratePrivacy", () => {
  it.each<[string, Answers, { score: number; grade: string; answered: number }]>([
    ["nothing answered", {}, { score: 0, grade: "unknown", answered: 0 }],
    ["all reassuring", answerAll(good), { score: 100, grade: "good", answered: 18 }],
    ["all worrying", answerAll(bad), { score: 0, grade: "poor", answered: 18 }],
    [
      "all unsure: half credit",
      answerAll(() => "unsure"),
      { score: 50, grade: "fair", answered: 18 },
    ],
    [
      "5 of 18 answered is under a third",
      Object.fromEntries(Object.entries(sixOfWeight2("gggggg")).slice(0, 5)),
      { score: 100, grade: "unknown", answered: 5 },
    ],
    [
      "6 of 18 answered is a third",
      sixOfWeight2("gggggg"),
      { score: 100, grade: "good", answered: 6 },
    ],
    ["exactly 75 is good", sixOfWeight2("ggggub"), { score: 75, grade: "good", answered: 6 }],
    ["exactly 50 is fair", sixOfWeight2("gggbbb"), { score: 50, grade: "fair", answered: 6 }],
    ["42 is poor", sixOfWeight2("ggubbb"), { score: 42, grade: "poor", answered: 6 }],
    [
      "a worrying weight-3 answer caps an otherwise good score at fair",
      answerAll(good, { verify_without_id_copy: { answer: "no" } }),
      { score: 91, grade: "fair", answered: 18 },
    ],
    [
      "a worrying weight-2 answer does not cap",
      answerAll(good, { breach_plan: { answer: "no" } }),
      { score: 94, grade: "good", answered: 18 },
    ],
    [
      'a question whose reassuring answer is "no" raises the score on no',
      answerAll(good, { national_id_kept_on_file: { answer: "no" } }),
      { score: 100, grade: "good", answered: 18 },
    ],
    [
      'and lowers it on "yes"',
      answerAll(good, { national_id_kept_on_file: { answer: "yes" } }),
      { score: 94, grade: "good", answered: 18 },
    ],
  ])("%s", (_name, answers, expected) => {
    const rating = ratePrivacy(answers);
    expect(rating).toMatchObject({ ...expected, total: 18 });
    expect(rating.reasons).toHaveLength(expected.answered);
  });

  it("ignores undefined answers, unknown ids and inherited properties", () => {
    const answers: Record<string, { answer: PrivacyAnswerValue } | undefined> = {
      has_privacy_policy: undefined,
      not_a_question: { answer: "no" },
      breach_plan: { answer: "yes" },
    };
    expect(ratePrivacy(answers)).toMatchObject({ answered: 1, score: 100 });
    const inherited = Object.create({ has_privacy_policy: { answer: "no" } }) as Answers;
    expect(ratePrivacy(inherited)).toMatchObject({ answered: 0 });
  });

  it("explains itself: worrying first, then unsure, then reassuring, heavier first", () => {
    const { reasons } = ratePrivacy({
      address_on_map: { answer: "yes" },
      has_privacy_policy: { answer: "no" },
      breach_plan: { answer: "unsure" },
      national_id_safeguarded: { answer: "no" },
      verify_without_id_copy: { answer: "yes" },
      policy_flexible: { answer: "no" },
    });
    expect(reasons.map((r) => [r.questionId, r.effect])).toEqual([
      ["national_id_safeguarded", "lowered"],
      ["has_privacy_policy", "lowered"],
      ["policy_flexible", "lowered"],
      ["breach_plan", "unknown"],
      ["verify_without_id_copy", "raised"],
      ["address_on_map", "raised"],
    ]);
    expect(reasons[0]?.text).toBe(
      "It does not explain how it protects the national id numbers it holds.",
    );
    expect(reasons[3]?.text).toMatch(/^You are not sure: Does it have a plan/);
    expect(reasons[5]?.text).toBe("Its physical address can be found on a map.");
  });
});

describe("privacyAnswerInput", () => {
  it.each<[string, unknown, boolean]>([
    ["a bare answer", { answer: "unsure" }, true],
    [
      "a note and an https source",
      { answer: "yes", note: "Section 4 of the policy", sourceUrl: "https://example.com/privacy" },
      true,
    ],
    ["an answer outside yes/no/unsure", { answer: "maybe" }, false],
    ["a javascript: source", { answer: "yes", sourceUrl: "javascript:alert(1)" }, false],
    ["a note holding a full card number", { answer: "no", note: "4111 1111 1111 1111" }, false],
  ])("%s → valid: %s", (_name, input, valid) => {
    expect(privacyAnswerInput.safeParse(input).success).toBe(valid);
  });
});

describe("needsReview", () => {
  const at = (iso: string) => new Date(iso);
  it.each<[string, Date | null, Date, boolean]>([
    ["never reviewed", null, at("2025-06-01T00:00:00Z"), true],
    ["an unreadable date", new Date(Number.NaN), at("2025-06-01T00:00:00Z"), true],
    ["reviewed last month", at("2025-05-01T00:00:00Z"), at("2025-06-01T00:00:00Z"), false],
    [
      "one second before the anniversary",
      at("2024-06-01T12:00:00Z"),
      at("2025-06-01T11:59:59Z"),
      false,
    ],
    ["on the anniversary", at("2024-06-01T12:00:00Z"), at("2025-06-01T12:00:00Z"), true],
    ["two years ago", at("2023-06-01T00:00:00Z"), at("2025-06-01T00:00:00Z"), true],
    [
      "29 February: not due on 28 February",
      at("2024-02-29T00:00:00Z"),
      at("2025-02-28T23:00:00Z"),
      false,
    ],
    ["29 February: due on 1 March", at("2024-02-29T00:00:00Z"), at("2025-03-01T00:00:00Z"), true],
    ["dated in the future", at("2025-07-01T00:00:00Z"), at("2025-06-01T00:00:00Z"), false],
  ])("%s → %s", (_name, reviewedAt, now, expected) => {
    expect(needsReview(reviewedAt, now)).toBe(expected);
  });
});

describe("the checklist in French", () => {
  it("has every question in French, the English ones unchanged", () => {
    const french = privacyChecklistIn("fr-CA");
    expect(privacyChecklistIn("en")).toEqual(privacyChecklistQuestions);
    expect(french.map((q) => q.id)).toEqual(privacyChecklistQuestions.map((q) => q.id));
    french.forEach((question, index) => {
      const english = privacyChecklistQuestions[index]!;
      for (const part of ["text", "help", "whenGood", "whenBad"] as const) {
        expect(question[part]).not.toBe(english[part]);
      }
      expect(question.text).toMatch(/\?$/);
    });
  });

  it.each([
    ["has_privacy_policy", "yes", "raised", "Elle publie une politique de confidentialité."],
    [
      "national_id_kept_on_file",
      "yes",
      "lowered",
      "Elle conserve votre NAS ou votre SSN dans ses dossiers.",
    ],
    [
      "address_on_map",
      "unsure",
      "unknown",
      "Vous n’êtes pas sûr : Trouvez-vous l’adresse physique de l’entreprise sur une carte?",
    ],
  ] as const)("%s answered %s reads in French", (id, answer, effect, text) => {
    const rating = ratePrivacy({ [id]: { answer } }, "fr-CA");
    expect(rating.reasons).toEqual([{ questionId: id, effect, text }]);
  });
});
