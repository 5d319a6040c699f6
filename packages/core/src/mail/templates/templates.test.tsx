import { describe, expect, it } from "vitest";

import type { OutgoingEmail } from "../mailer";
import {
  confirmNewEmailAddressEmail,
  emailChangeRequestedEmail,
  passwordChangedEmail,
  resetPasswordEmail,
  signUpAttemptEmail,
  verifyEmailAddressEmail,
} from "./account";
import { dailyDigestEmail } from "./daily-digest";
import type { EscalationEmailInput } from "./escalation";
import { escalationEmail } from "./escalation";
import { businessDaysLabel, readableCountdown, readableDate, readableDateTime } from "./format";
import { promiseDueEmail } from "./promise-due";
import { regulatorEligibleEmail } from "./regulator-eligible";
import { welcomeEmail } from "./welcome";

const settingsUrl = "https://caseward.test/settings";
const caseUrl = "https://caseward.test/cases/c-1";
const hostile = "<script>alert(1)</script>";
// 16:00 in Toronto (EST), 22:00 in Paris, Dec 2 06:00 in Tokyo.
const tuesdayAfternoon = new Date("2026-12-01T21:00:00Z");

const needQuestions = [
  "Why was I charged twice in November?",
  "When will the duplicate charge be refunded?",
  "Will the refund show on the next bill?",
  "Can the plan be changed without a new contract?",
];

const caseBasics = {
  to: "ana@example.test",
  userName: "Ana",
  caseTitle: "Double charge in November",
  companyName: "Rogers",
  caseUrl,
  settingsUrl,
  timeZone: "America/Toronto",
  locale: "en-US",
};
// The response window of the examples: due Tuesday 4 PM, passed.
const answerDue = {
  dueAt: tuesdayAfternoon,
  measure: "business" as const,
  msLeft: 0,
  dayMs: 8 * 3600_000,
  passed: true,
};

function escalationInput(overrides: Partial<EscalationEmailInput> = {}): EscalationEmailInput {
  return {
    ...caseBasics,
    waitedBusinessDays: 2,
    lastChannelLabel: "Email: support@rogers.com",
    lastContactAt: new Date("2026-11-27T22:00:00Z"),
    answerDue,
    suggestion: {
      kind: "channel",
      channelLabel: "Phone",
      value: "1-888-764-3771",
      provenanceLabel: "Found on a bill",
      lastVerifiedAt: tuesdayAfternoon,
    },
    needQuestions,
    reminder: false,
    ...overrides,
  };
}

/** Both parts of the email contain `value`. */
function expectInBothParts(email: OutgoingEmail, ...values: string[]) {
  for (const value of values) {
    expect(email.text).toContain(value);
    expect(email.html).toContain(value);
  }
}

function expectSafeFrame(email: OutgoingEmail) {
  expect(email.html).toContain(`href="${settingsUrl}"`);
  expect(email.text).toContain(`Change which emails you get ${settingsUrl}`);
  expect(email.html).toContain("max-width:560px");
  expect(email.html).not.toMatch(/<img|<link|@import|url\(/i);
}

describe("format", () => {
  it.each([
    [2, "2 business days"],
    [1, "1 business day"],
    [1.5, "1.5 business days"],
    [1.25, "1.3 business days"],
    [2.04, "2 business days"],
    [0.96, "1 business day"],
  ])("%s waited days read %j", (days, label) => {
    expect(businessDaysLabel(days)).toBe(label);
  });

  it.each([
    ["America/Toronto", "Tue, Dec 1, 2026, 4:00 PM EST"],
    ["Europe/Paris", "Tue, Dec 1, 2026, 10:00 PM GMT+1"],
    ["Asia/Tokyo", "Wed, Dec 2, 2026, 6:00 AM GMT+9"],
  ])("reads a date on the clock of %s", (timeZone, shown) => {
    expect(readableDateTime(tuesdayAfternoon, { timeZone, locale: "en-US" })).toBe(shown);
    expect(readableDate(tuesdayAfternoon, { timeZone, locale: "en-US" })).toBe(
      shown.slice(0, shown.indexOf(", 20") + 6),
    );
  });
});

describe("welcome email", () => {
  it("greets the user, links the dashboard and the notification settings", async () => {
    const email = await welcomeEmail({
      to: "ana@example.test",
      name: "Ana",
      appUrl: "https://caseward.test",
      settingsUrl,
      locale: "en",
    });
    expect(email.to).toBe("ana@example.test");
    expect(email.subject).toBe("Welcome to Caseward");
    expectInBothParts(email, "Hello Ana,", "Add the companies you are dealing with");
    expect(email.text).toContain("Open your dashboard https://caseward.test");
    expectSafeFrame(email);
  });
});

describe("escalation email", () => {
  it("names the company and the business days waited in the subject", async () => {
    const email = await escalationEmail(escalationInput());
    expect(email.subject).toBe(
      "Rogers has not answered in 2 business days — time for a more direct channel",
    );
    expect(email.to).toBe("ana@example.test");
  });

  it("says which company, how long, where the user wrote last and the suggested channel with its provenance", async () => {
    const email = await escalationEmail(escalationInput());
    expectInBothParts(
      email,
      "Rogers",
      "Double charge in November",
      "2 business days",
      "Email: support@rogers.com",
      "Phone — 1-888-764-3771",
      "Found on a bill (last verified Tue, Dec 1, 2026).",
    );
    expect(email.text).not.toContain("verify a channel first");
  });

  it("writes dates in the style of the user's country", () => {
    const canada = { timeZone: "America/Toronto", locale: "en-CA" };
    expect(readableDateTime(tuesdayAfternoon, canada)).toBe("Tue, Dec 1, 2026, 4:00 p.m. EST");
    expect(readableCountdown(answerDue, canada)).toBe(
      "Overdue since Tue, Dec 1, 2026, 4:00 p.m. EST",
    );
    expect(
      readableCountdown(
        { ...answerDue, passed: false, msLeft: 16 * 3600_000 },
        { timeZone: "Europe/London", locale: "en-GB" },
      ),
    ).toBe("2 business days left — Tue, 1 Dec 2026, 21:00 GMT");
  });

  it("says when the user last wrote and since when the answer is overdue, on their clock", async () => {
    const email = await escalationEmail(escalationInput());
    expectInBothParts(
      email,
      "Your last contact was on Fri, Nov 27, 2026, 5:00 PM EST, through Email: support@rogers.com.",
      "Answer due: Overdue since Tue, Dec 1, 2026, 4:00 PM EST.",
    );
    const tokyo = await escalationEmail(escalationInput({ timeZone: "Asia/Tokyo" }));
    expectInBothParts(
      tokyo,
      "Your last contact was on Sat, Nov 28, 2026, 7:00 AM GMT+9",
      "Answer due: Overdue since Wed, Dec 2, 2026, 6:00 AM GMT+9.",
    );
  });

  it("shows the verification date in the user's zone", async () => {
    const email = await escalationEmail(escalationInput({ timeZone: "Asia/Tokyo" }));
    expectInBothParts(email, "last verified Wed, Dec 2, 2026");
  });

  it("says when a channel has no verification date", async () => {
    const email = await escalationEmail(
      escalationInput({
        suggestion: {
          kind: "channel",
          channelLabel: "Executive office",
          value: "office.of.the.president@rogers.com",
          provenanceLabel: "Found on the official website",
          lastVerifiedAt: null,
        },
      }),
    );
    expectInBothParts(
      email,
      "Executive office — office.of.the.president@rogers.com",
      "Found on the official website (no verification date recorded)",
    );
  });

  it("numbers exactly the first three need questions, in order", async () => {
    const email = await escalationEmail(escalationInput());
    expect(email.text).toContain(
      [
        " 1. Why was I charged twice in November?",
        " 2. When will the duplicate charge be refunded?",
        " 3. Will the refund show on the next bill?",
      ].join("\n"),
    );
    const positions = needQuestions.slice(0, 3).map((q) => email.html.indexOf(q));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(email.html.match(/<ol/g)).toHaveLength(1);
    expectInBothParts(email, "1 more open question in the case.");
    expect(email.text).not.toContain(needQuestions[3]);
    expect(email.html).not.toContain(needQuestions[3]);
  });

  it("asks for a first question when none is open", async () => {
    const email = await escalationEmail(escalationInput({ needQuestions: [] }));
    expectInBothParts(email, "No open questions yet.");
    expect(email.html).not.toContain("<ol");
  });

  it("carries the checklist reminders for the next contact", async () => {
    const email = await escalationEmail(escalationInput());
    for (const reminder of [
      "Note the representative's name and the time you spoke.",
      "a company rarely needs your full SIN or SSN, and never your password or a one-time code",
      "Record the call where it is allowed. In a chat, ask for the transcript by email.",
    ]) {
      expect(email.text).toContain(reminder);
    }
    expect(email.html).toContain("Note the representative&#x27;s name and the time you spoke.");
  });

  it("links the case as a button and the notification settings in the footer", async () => {
    const email = await escalationEmail(escalationInput());
    expect(email.html).toMatch(new RegExp(`<a class="cw-button" href="${caseUrl}"`));
    expect(email.text).toContain(`Open the case ${caseUrl}`);
    expectSafeFrame(email);
  });

  it("asks to verify a channel first, and how, when no channel up the ladder is verified", async () => {
    const email = await escalationEmail(escalationInput({ suggestion: { kind: "verify_first" } }));
    expectInBothParts(
      email,
      "verify a channel first",
      "on a bill, a statement, the back of your card, or the official website",
      "None of the more direct channels you have for Rogers is verified yet.",
    );
    expect(email.text).not.toContain("Found on");
    expect(email.subject).toContain("Rogers");
  });

  it("leaves out the last contact when there was none", async () => {
    const email = await escalationEmail(
      escalationInput({ lastChannelLabel: null, lastContactAt: null, answerDue: null }),
    );
    expect(email.text).not.toContain("Your last contact");
    expect(email.text).not.toContain("Answer due");
  });

  it("words the one reminder differently, with the days waited so far", async () => {
    const first = await escalationEmail(escalationInput());
    const reminder = await escalationEmail(
      escalationInput({ reminder: true, waitedBusinessDays: 3 }),
    );
    expect(reminder.subject).not.toBe(first.subject);
    expect(reminder.subject).toBe(
      "Still no answer from Rogers after 3 business days — your next step is waiting",
    );
    expectInBothParts(reminder, "Still no answer from Rogers", "3 business days");
  });

  it("shows fractional waits with one decimal at most", async () => {
    const email = await escalationEmail(escalationInput({ waitedBusinessDays: 2.4567 }));
    expect(email.subject).toContain("2.5 business days");
    expectInBothParts(email, "2.5 business days");
  });
});

describe("emails about one case", () => {
  it("promise due: what was promised, by whom, the reference and the due time in the user's zone", async () => {
    const email = await promiseDueEmail({
      ...caseBasics,
      promise: "Refund of $42.50 to the card on file",
      dueAt: tuesdayAfternoon,
      representativeName: "Sam",
      referenceNumber: "RG-88121",
    });
    expect(email.subject).toBe(
      "Did Rogers keep its promise? It was due Tue, Dec 1, 2026, 4:00 PM EST",
    );
    expectInBothParts(
      email,
      "Sam at Rogers promised this by Tue, Dec 1, 2026, 4:00 PM EST",
      "Refund of $42.50 to the card on file",
      "Reference number: RG-88121",
    );
    expect(email.text).toContain(`Open the case ${caseUrl}`);
    expectSafeFrame(email);
  });

  it("promise due: without a representative's name or a reference number", async () => {
    const email = await promiseDueEmail({
      ...caseBasics,
      timeZone: "Europe/Paris",
      promise: "A technician visit",
      dueAt: tuesdayAfternoon,
      representativeName: null,
      referenceNumber: null,
    });
    expectInBothParts(email, "Rogers promised this by Tue, Dec 1, 2026, 10:00 PM GMT+1");
    expect(email.text).not.toContain("Reference number");
  });

  it("regulator eligible: the date, the company and the complaint with its line breaks", async () => {
    const email = await regulatorEligibleEmail({
      ...caseBasics,
      complaintBody: "I was charged twice.\nRogers did not answer for 30 days.",
      eligibleSince: tuesdayAfternoon,
    });
    expect(email.subject).toBe("You can now take your complaint about Rogers to a regulator");
    expectInBothParts(email, "Since Tue, Dec 1, 2026, your case “Double charge in November”");
    expect(email.text).toContain("I was charged twice.\nRogers did not answer for 30 days.");
    expect(email.html).toContain("I was charged twice.<br/>");
    expect(email.text).toContain(`Open the case ${caseUrl}`);
    expectSafeFrame(email);
  });

  it.each([
    ["escalation", () => escalationEmail(escalationInput({ companyName: hostile }))],
    [
      "escalation (verify first)",
      () =>
        escalationEmail(
          escalationInput({ companyName: hostile, suggestion: { kind: "verify_first" } }),
        ),
    ],
    [
      "promise due",
      () =>
        promiseDueEmail({
          ...caseBasics,
          companyName: hostile,
          promise: hostile,
          dueAt: tuesdayAfternoon,
          representativeName: hostile,
          referenceNumber: hostile,
        }),
    ],
    [
      "regulator eligible",
      () =>
        regulatorEligibleEmail({
          ...caseBasics,
          companyName: hostile,
          complaintBody: `${hostile}\n${hostile}`,
          eligibleSince: tuesdayAfternoon,
        }),
    ],
    [
      "daily digest",
      () =>
        dailyDigestEmail({
          ...caseBasics,
          appUrl: "https://caseward.test",
          cases: [
            {
              title: hostile,
              companyName: hostile,
              statusLabel: "Open",
              url: caseUrl,
              nextDeadline: null,
            },
          ],
        }),
    ],
  ])("%s: escapes a hostile company name in the HTML part", async (_name, send) => {
    const email = await send();
    expect(email.html).not.toContain("<script>alert(1)");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.text).toContain(hostile);
  });
});

describe("daily digest email", () => {
  const input = {
    to: "ana@example.test",
    userName: "Ana",
    appUrl: "https://caseward.test",
    settingsUrl,
    timeZone: "America/Toronto",
    locale: "en-US",
    cases: [
      {
        title: "Double charge in November",
        companyName: "Rogers",
        statusLabel: "Escalation due",
        url: caseUrl,
        nextDeadline: { kind: "response_window" as const, countdown: answerDue },
      },
      {
        title: "Lost bag",
        companyName: "Air Canada",
        statusLabel: "Waiting on me",
        url: "https://caseward.test/cases/c-2",
        nextDeadline: null,
      },
    ],
  };

  it("lists each case with its company, status, link and next deadline in the user's zone", async () => {
    const email = await dailyDigestEmail(input);
    expect(email.subject).toBe("Your Caseward digest: 2 cases");
    expectInBothParts(
      email,
      "Rogers · Escalation due · Answer due: Overdue since Tue, Dec 1, 2026, 4:00 PM EST",
      "Air Canada · Waiting on me · no deadline",
    );
    expect(email.text).toContain(`Double charge in November ${caseUrl}`);
    expect(email.text).toContain("Lost bag https://caseward.test/cases/c-2");
    expect(email.text.indexOf("Double charge")).toBeLessThan(email.text.indexOf("Lost bag"));
    expect(email.text).toContain("Open your dashboard https://caseward.test");
    expectSafeFrame(email);
  });

  it("says so when there is nothing to look at", async () => {
    const email = await dailyDigestEmail({ ...input, cases: [] });
    expect(email.subject).toBe("Your Caseward digest: 0 cases");
    expectInBothParts(email, "No open cases need you today.");
  });
});

describe("account emails", () => {
  const url = "https://caseward.test/api/auth/verify-email?token=abc.def.ghi&callbackURL=%2F";

  it.each([
    [
      "confirmation",
      () =>
        verifyEmailAddressEmail({
          to: "ana@example.test",
          name: "Ana",
          url,
          settingsUrl,
          locale: "en",
        }),
      "Confirm your email address",
      "Confirm this address",
    ],
    [
      "reset",
      () =>
        resetPasswordEmail({ to: "ana@example.test", name: "Ana", url, settingsUrl, locale: "en" }),
      "Reset your Caseward password",
      "Choose a new password",
    ],
    [
      "new address",
      () =>
        confirmNewEmailAddressEmail({
          to: "ana@example.test",
          name: "Ana",
          url,
          settingsUrl,
          locale: "en",
        }),
      "Confirm your new email address",
      "Use this address",
    ],
  ])("the %s email carries its link once, as a button", async (_kind, make, subject, button) => {
    const email = await make();
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(`${button} ${url}`);
    expect(email.html.split(`href="${url.replaceAll("&", "&amp;")}"`)).toHaveLength(2);
    expectSafeFrame(email);
  });

  it("escapes the name, and tells the old address which new one was asked for", async () => {
    const email = await emailChangeRequestedEmail({
      to: "ana@example.test",
      name: hostile,
      newEmail: "new@example.test",
      settingsUrl,
      locale: "en",
    });
    expect(email.html).not.toContain("<script>");
    expectInBothParts(email, "new@example.test");
  });

  it("tells the owner of a taken address that someone tried to sign up, with no link to act on it", async () => {
    const email = await signUpAttemptEmail({
      to: "ana@example.test",
      name: "Ana",
      settingsUrl,
      signInUrl: "https://caseward.test/sign-in",
      resetUrl: "https://caseward.test/forgot-password",
      locale: "en",
    });
    expect(email.subject).toMatch(/^Someone tried to create a Caseward account/);
    expect(email.text).toContain("Nothing was changed");
    expect(email.text).toContain("https://caseward.test/forgot-password");
  });

  it.each([
    ["reset", "was reset with a link"],
    ["changed", "was changed in Settings"],
  ] as const)(
    "tells the owner when the password was %s, and what to do if it was not them",
    async (how, says) => {
      const email = await passwordChangedEmail({
        to: "ana@example.test",
        name: "Ana",
        how,
        settingsUrl,
        locale: "en",
      });
      expect(email.subject).toBe("Your Caseward password was changed");
      expectInBothParts(email, says, "Forgot password?");
    },
  );
});

describe("emails in French (the user's Language setting)", () => {
  const french = { ...caseBasics, locale: "fr-CA" };

  it("writes business days with the French decimal and plural", () => {
    expect(businessDaysLabel(2, "fr-CA")).toBe("2 jours ouvrables");
    expect(businessDaysLabel(1.25, "fr-CA")).toBe("1,3 jour ouvrable");
    expect(businessDaysLabel(1.25)).toBe("1.3 business days");
    expect(businessDaysLabel(1)).toBe("1 business day");
  });

  it("escalation: subject, greeting, dates, labels and button in French, <html lang>", async () => {
    const email = await escalationEmail({
      ...escalationInput(),
      ...french,
      suggestion: {
        kind: "channel",
        channelLabel: "Téléphone",
        value: "1-888-764-3771",
        provenanceLabel: "Trouvé sur une facture",
        lastVerifiedAt: tuesdayAfternoon,
      },
    });
    expect(email.subject).toBe(
      "Rogers n’a pas répondu en 2 jours ouvrables — passez à un canal plus direct",
    );
    expect(email.html).toContain('lang="fr-CA"');
    expectInBothParts(
      email,
      "Bonjour Ana,",
      "Votre dossier « Double charge in November » attend depuis 2 jours ouvrables une réponse de Rogers.",
      "Prochaine étape : Téléphone — 1-888-764-3771",
      "Trouvé sur une facture (vérifié pour la dernière fois le mar. 1 déc. 2026).",
      "Réponse attendue :",
      "1 autre question ouverte dans le dossier.",
      "Ouvrir le dossier",
      "Vous recevez ce courriel parce que vous avez un compte Caseward.",
    );
    expect(email.text).not.toMatch(/Hello|Open the case|business day/);
  });

  it("digest: French plurals and vocabulary", async () => {
    const email = await dailyDigestEmail({
      to: "ana@example.test",
      userName: "Ana",
      appUrl: "https://caseward.test",
      settingsUrl,
      timeZone: "America/Toronto",
      locale: "fr-CA",
      cases: [
        {
          title: "Remboursement",
          companyName: "Air Canada",
          statusLabel: "En attente de l’entreprise",
          url: caseUrl,
          nextDeadline: { kind: "response_window", countdown: answerDue },
        },
        {
          title: "Facture",
          companyName: "Rogers",
          statusLabel: "Ouvert",
          url: caseUrl,
          nextDeadline: null,
        },
      ],
    });
    expect(email.subject).toBe("Votre résumé Caseward : 2 dossiers");
    expectInBothParts(
      email,
      "Voici où en sont vos 2 dossiers :",
      "Air Canada · En attente de l’entreprise · Réponse attendue :",
      "Rogers · Ouvert · aucune échéance",
    );
  });

  it("account emails follow the account's language", async () => {
    const url = "https://caseward.test/api/auth/verify-email?token=abc";
    const email = await verifyEmailAddressEmail({
      to: "ana@example.test",
      name: "Ana",
      url,
      settingsUrl,
      locale: "fr-CA",
    });
    expect(email.subject).toBe("Confirmez votre adresse courriel");
    expect(email.text).toContain(`Confirmer cette adresse ${url}`);
    const welcome = await welcomeEmail({
      to: "ana@example.test",
      name: "Ana",
      appUrl: "https://caseward.test",
      settingsUrl,
      locale: "fr-CA",
    });
    expect(welcome.subject).toBe("Bienvenue dans Caseward");
    expectInBothParts(welcome, "Ouvrir votre tableau de bord", "Ouvrez un dossier par problème");
  });
});
