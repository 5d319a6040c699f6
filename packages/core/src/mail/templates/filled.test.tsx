import { describe, expect, it } from "vitest";

import type { EscalationEmailInput, EscalationSuggestion } from "./escalation";
import { escalationEmail, escalationEmailRendered } from "./escalation";
import type { PromiseDueEmailInput } from "./promise-due";
import { promiseDueEmail, promiseDueEmailRendered } from "./promise-due";
import type { RedFlagEmailInput } from "./red-flag";
import { redFlagEmail, redFlagEmailRendered } from "./red-flag";

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

function* promiseInputs(): Generator<PromiseDueEmailInput> {
  let n = 0;
  for (const locale of locales) {
    for (const person of people) {
      for (const representativeName of [null, "Sam", "Zoë <b>"]) {
        for (const referenceNumber of [null, "REF-1234 & co"]) {
          n++;
          yield {
            to: "ana@example.test",
            ...person,
            caseUrl: `https://caseward.test/cases/c-${n}`,
            settingsUrl: "https://caseward.test/settings",
            timeZone: n % 2 ? "America/Toronto" : "Asia/Tokyo",
            locale,
            promise: n % 3 ? "Call back with the refund amount" : "Rappeler\navec le montant",
            dueAt: new Date(due.getTime() + n * 3_600_000),
            representativeName,
            referenceNumber,
          };
        }
      }
    }
  }
}

const flags = [
  { title: "Asked for your password", meaning: "No company needs it.", advice: "Hang up." },
  {
    title: "Urgence « immédiate »",
    meaning: "Pression & <menace>.",
    advice: "Rappelez le numéro officiel.",
  },
  { title: "Gift cards", meaning: "Only scams ask for them.", advice: "Do not pay." },
];

function* redFlagInputs(): Generator<RedFlagEmailInput> {
  let n = 0;
  for (const locale of locales) {
    for (const person of people) {
      for (const count of [1, 2, 3]) {
        n++;
        yield {
          to: "ana@example.test",
          ...person,
          caseUrl: `https://caseward.test/cases/c-${n}`,
          settingsUrl: "https://caseward.test/settings",
          timeZone: "America/Toronto",
          locale,
          contactAt: new Date(due.getTime() - n * 60_000),
          flags: flags.slice(0, count),
        };
      }
    }
  }
}

describe("promise-due and red-flag emails, filled in", () => {
  it("are the emails React renders in full, for every shape, in English and French", async () => {
    let compared = 0;
    for (let round = 0; round < 2; round++) {
      for (const input of promiseInputs()) {
        expect(await promiseDueEmail(input)).toEqual(await promiseDueEmailRendered(input));
        compared++;
      }
      for (const input of redFlagInputs()) {
        expect(await redFlagEmail(input)).toEqual(await redFlagEmailRendered(input));
        compared++;
      }
    }
    expect(compared).toBe(2 * locales.length * people.length * (6 + 3));
  });
});
