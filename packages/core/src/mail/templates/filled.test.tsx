import { describe, expect, it } from "vitest";

import type { EscalationEmailInput, EscalationSuggestion } from "./escalation";
import { escalationEmail, escalationEmailRendered } from "./escalation";

// The filled-in path (./filled.ts) must write exactly what React and html-to-text write for the
// same email: every shape, in both languages, with values that need escaping and values that
// send it back to a full render.

const due = new Date("2026-12-01T21:00:00Z");
const locales = ["en-CA", "fr-CA", "en-US", "fr-FR"];

const suggestions: EscalationSuggestion[] = [
  {
    kind: "channel",
    channelLabel: "Phone",
    value: "1-888-764-3771",
    provenanceLabel: "Found on a bill",
    lastVerifiedAt: due,
  },
  {
    kind: "channel",
    channelLabel: "Email",
    value: "plaintes@bell.ca",
    provenanceLabel: "Trouvé sur une facture",
    lastVerifiedAt: null,
  },
  { kind: "verify_first" },
];

const questions = [
  "Why was I charged twice in November?",
  "Pourquoi « deux » frais & <b>taxes</b> ?",
  "Will the refund show on the next bill?",
  "Can the plan be changed without a new contract?",
  "A fifth one",
];

/** Names and titles that must be escaped, or that html-to-text would not write as they are. */
const people = [
  { userName: "Ana", caseTitle: "Double charge in November", companyName: "Rogers" },
  {
    userName: `O'Brien "Jo" <script>alert(1)</script>`,
    caseTitle: "Frais d’itinérance — 3 & 4 déc.",
    companyName: "AT&T <Canada>",
  },
  { userName: "Zoë", caseTitle: "x".repeat(300), companyName: "Bell Canada" },
  // Full render: two spaces, a line break, a leading space.
  { userName: "Ana  Maria", caseTitle: "Outage\nsince Monday", companyName: " Vidéotron" },
  { userName: "#hash", caseTitle: "mailto:x@y.z", companyName: "" },
];

function* inputs(): Generator<EscalationEmailInput> {
  let n = 0;
  for (const locale of locales) {
    for (const person of people) {
      for (const suggestion of suggestions) {
        for (const needCount of [0, 1, 3, 5]) {
          n++;
          yield {
            to: "ana@example.test",
            ...person,
            caseUrl: `https://caseward.test/cases/c-${n}?a=1&b=2`,
            settingsUrl: "https://caseward.test/settings",
            timeZone: n % 2 ? "America/Toronto" : "Europe/Paris",
            locale,
            waitedBusinessDays: [1, 2, 1.3, 12][n % 4]!,
            lastChannelLabel: n % 3 === 0 ? null : `Email: support+${n}@rogers.com`,
            lastContactAt: n % 5 === 0 ? null : new Date(due.getTime() - n * 3_600_000),
            answerDue:
              n % 4 === 0
                ? null
                : { dueAt: due, measure: "business", msLeft: 0, dayMs: 8 * 3600_000, passed: true },
            suggestion,
            needQuestions: questions.slice(0, needCount),
            reminder: n % 2 === 0,
          };
        }
      }
    }
  }
}

describe("escalation email, filled in", () => {
  it("is the email React renders in full, for every shape, in English and French", async () => {
    let compared = 0;
    // Twice: the first round renders each shape's pieces, the second fills them.
    for (let round = 0; round < 2; round++) {
      for (const input of inputs()) {
        expect(await escalationEmail(input)).toEqual(await escalationEmailRendered(input));
        compared++;
      }
    }
    expect(compared).toBe(2 * locales.length * people.length * suggestions.length * 4);
  });

  it("speaks French in a French locale", async () => {
    const [input] = inputs();
    const email = await escalationEmail({ ...input!, locale: "fr-CA" });
    expect(email.html).toContain('lang="fr-CA"');
    expect(email.text).toContain("Bonjour Ana");
  });
});
