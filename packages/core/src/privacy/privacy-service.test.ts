import { notifications } from "@caseward/db/schema";
import { eq } from "@caseward/db";
import { describe, expect, it } from "vitest";

import { openCase, getCase } from "../cases/case-service";
import { addChannel } from "../channels/channel-service";
import { createCompany } from "../companies/company-service";
import { logContact } from "../contacts/contact-service";
import { DomainError } from "../errors";
import { composeNotification } from "../outbox/compose";
import { updateSettings } from "../settings/settings-service";
import { createTestUser, useTestDatabase } from "../testing";
import {
  getBreachReport,
  listBreaches,
  reportBreach,
  setBreachActionDone,
  deleteBreach,
} from "./breach-service";
import { getPrivacyChecklist, savePrivacyChecklist, setWillingToShare } from "./checklist-service";
import {
  addDisclosure,
  deleteDisclosure,
  ledgerByKind,
  listDisclosures,
} from "./disclosure-service";
import { clearCaseFlag, deleteRedFlag, markRedFlag } from "./red-flag-service";

const db = useTestDatabase();

const codeOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof DomainError ? error.code : error;
};

async function setup(name = "Rogers", website = "rogers.com") {
  const user = await createTestUser(db);
  const company = await createCompany(db, user.id, { name, website, country: "CA" });
  const phone = await addChannel(db, user.id, {
    companyId: company.id,
    kind: "phone",
    value: "1 888 764 3771",
    provenance: "bill",
    verified: true,
  });
  const opened = await openCase(db, user.id, { companyId: company.id, title: "Billing error" });
  return { user, company, phone, opened };
}

describe("privacy checklist", () => {
  it("saves answers with notes and sources, rates them and marks the company reviewed", async () => {
    const { user, company } = await setup();
    const before = await getPrivacyChecklist(db, user.id, company.id);
    expect(before.needsReview).toBe(true);
    expect(before.beforeFirstContact).toBe(true);
    expect(before.rating).toMatchObject({ grade: "unknown", answered: 0, score: 0 });

    const answers = {
      has_privacy_policy: { answer: "yes", sourceUrl: "https://www.rogers.com/privacy" },
      committed_to_privacy: { answer: "yes" },
      staff_know_privacy_rules: { answer: "unsure", note: "Agent read the policy to me" },
      identity_only_when_needed: { answer: "yes" },
      national_id_justified: { answer: "no", note: "Asked for my SIN for a phone plan" },
      verify_without_id_copy: { answer: "yes" },
    } as const;
    const saved = await savePrivacyChecklist(db, user.id, { companyId: company.id, answers });
    expect(saved.needsReview).toBe(false);
    expect(saved.company.privacyReviewedAt).toBeInstanceOf(Date);
    expect(Object.keys(saved.answers).sort()).toEqual(Object.keys(answers).sort());
    expect(saved.answers.has_privacy_policy).toMatchObject({
      answer: "yes",
      sourceUrl: "https://www.rogers.com/privacy",
      note: null,
    });
    // weights: 2 + 1 + 2(unsure → 1) + 2 + 3(no → 0) + 3 = 13 possible, 9 earned → 69 → fair,
    // and a worrying answer on a weight-3 question caps it at fair anyway.
    expect(saved.rating).toMatchObject({ answered: 6, score: 69, grade: "fair" });
    expect(saved.rating.reasons[0]).toEqual({
      questionId: "national_id_justified",
      effect: "lowered",
      text: "It asks for your SIN or SSN without a legal reason.",
    });

    // Saving again without a question removes its answer; a changed one is updated.
    const again = await savePrivacyChecklist(db, user.id, {
      companyId: company.id,
      answers: { has_privacy_policy: { answer: "no" } },
    });
    expect(Object.keys(again.answers)).toEqual(["has_privacy_policy"]);
    expect(again.answers.has_privacy_policy?.answer).toBe("no");
  });

  it("refuses unknown questions, bad sources and full secrets in notes, keeping what was stored", async () => {
    const { user, company } = await setup();
    await savePrivacyChecklist(db, user.id, {
      companyId: company.id,
      answers: { has_privacy_policy: { answer: "yes" } },
    });
    const attempts = [
      { made_up_question: { answer: "yes" } },
      { has_privacy_policy: { answer: "maybe" } },
      { has_privacy_policy: { answer: "yes", sourceUrl: "javascript:alert(1)" } },
      { has_privacy_policy: { answer: "yes", note: "They have my SIN 046 454 286" } },
    ];
    for (const answers of attempts) {
      await expect(
        savePrivacyChecklist(db, user.id, { companyId: company.id, answers } as never),
      ).rejects.toThrow();
    }
    const still = await getPrivacyChecklist(db, user.id, company.id);
    expect(still.answers.has_privacy_policy?.answer).toBe("yes");
  });

  it("keeps each user's checklist to themselves", async () => {
    const { company } = await setup();
    const other = await createTestUser(db);
    expect(await codeOf(getPrivacyChecklist(db, other.id, company.id))).toBe("NOT_FOUND");
    expect(
      await codeOf(
        savePrivacyChecklist(db, other.id, {
          companyId: company.id,
          answers: { has_privacy_policy: { answer: "no" } },
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(setWillingToShare(db, other.id, { companyId: company.id, kinds: ["name"] })),
    ).toBe("NOT_FOUND");
  });

  it("stores what the user is willing to give, never a password or a code", async () => {
    const { user, company: own } = await setup();
    const saved = await setWillingToShare(db, user.id, {
      companyId: own.id,
      kinds: ["name", "email", "name"],
    });
    expect(saved.willingToShare).toEqual(["name", "email"]);
    await expect(
      setWillingToShare(db, user.id, { companyId: own.id, kinds: ["name", "password"] }),
    ).rejects.toThrow(/password/);
  });
});

describe("disclosure ledger and red flags", () => {
  it("records disclosures and flags from a contact: marked, scanned, inbound and implied by a password", async () => {
    const { user, opened } = await setup();
    const contact = await logContact(db, user.id, {
      caseId: opened.id,
      channelKind: "phone",
      direction: "inbound",
      startedAt: new Date("2026-11-20T15:00:00Z"),
      notes:
        "He said my account will be closed today unless I act now. Asked me to install AnyDesk.",
      disclosures: [
        { kind: "name", asked: true, reason: "To find the account" },
        { kind: "card_last4", asked: true, detail: "last 4: 4242" },
        { kind: "password", asked: true, reason: "To verify me" },
      ],
      redFlags: ["asked_gift_card_crypto_wire"],
    });
    const found = await getCase(db, user.id, opened.id);
    expect(found.flaggedAt).toBeInstanceOf(Date);
    const shown = found.contacts.find((c) => c.id === contact.id)!;
    expect(shown.disclosures.map((d) => [d.kind, d.asked, d.reason, d.detail])).toEqual([
      ["name", true, "To find the account", null],
      ["card_last4", true, null, "last 4: 4242"],
      ["password", true, "To verify me", null],
    ]);
    expect(Object.fromEntries(shown.redFlags.map((f) => [f.kind, f.source]))).toEqual({
      asked_gift_card_crypto_wire: "marked",
      asked_password: "marked",
      inbound_unverified: "inbound",
      pressure_to_act_now: "scanned",
      asked_remote_access: "scanned",
    });

    // One advice email, owed through the outbox, naming every sign.
    const owed = await db.select().from(notifications).where(eq(notifications.caseId, opened.id));
    expect(owed.map((n) => [n.kind, n.contactId, n.state])).toEqual([
      ["red_flag", contact.id, "pending"],
    ]);
    const email = await composeNotification(db, owed[0]!, "http://localhost:3000");
    expect(email?.subject).toBe("Warning signs in your contact with Rogers: what to do now");
    expect(email?.text).toContain("Asked to connect to your computer or phone");
    expect(email?.text).toContain("Asked for your password");
    expect(email?.text).not.toContain("4242");

    // Marking one more later flags again (a second email for the new sign only).
    const marked = await markRedFlag(db, user.id, {
      contactId: contact.id,
      kind: "asked_one_time_code",
    });
    expect(marked.added).toEqual(["asked_one_time_code"]);
    const twice = await markRedFlag(db, user.id, {
      contactId: contact.id,
      kind: "asked_one_time_code",
    });
    expect(twice.added).toEqual([]);
    expect(await db.$count(notifications, eq(notifications.caseId, opened.id))).toBe(2);

    await clearCaseFlag(db, user.id, { caseId: opened.id });
    expect((await getCase(db, user.id, opened.id)).flaggedAt).toBeNull();
  });

  it("sends no red-flag email when the user turned them off, and none for a clean outbound call", async () => {
    const { user, opened, phone } = await setup();
    await logContact(db, user.id, {
      caseId: opened.id,
      channelId: phone.id,
      channelKind: "phone",
      startedAt: new Date("2026-11-20T15:00:00Z"),
      notes: "Agent said they will never ask for my password. Refund in 5 days.",
    });
    expect((await getCase(db, user.id, opened.id)).flaggedAt).toBeNull();
    await updateSettings(db, user.id, {
      timeZone: "America/Toronto",
      country: "CA",
      subdivision: "ON",
      businessHoursStart: "09:00",
      businessHoursEnd: "17:00",
      responseWindowDays: 2,
      quietHoursStart: "21:00",
      quietHoursEnd: "08:00",
      emailEscalations: true,
      emailReminders: true,
      emailRedFlags: false,
      emailDailyDigest: false,
    });
    await logContact(db, user.id, {
      caseId: opened.id,
      channelKind: "phone",
      direction: "inbound",
      startedAt: new Date("2026-11-21T15:00:00Z"),
    });
    const found = await getCase(db, user.id, opened.id);
    expect(found.flaggedAt).toBeInstanceOf(Date);
    expect(await db.$count(notifications, eq(notifications.caseId, opened.id))).toBe(0);
  });

  it("deletes a red flag recorded by mistake; the case is no longer flagged when none is left", async () => {
    const { user, opened } = await setup();
    const first = await logContact(db, user.id, {
      caseId: opened.id,
      channelKind: "phone",
      startedAt: new Date("2026-11-20T15:00:00Z"),
      notes: "Told me to act now or lose the discount.",
    });
    const second = await logContact(db, user.id, {
      caseId: opened.id,
      channelKind: "chat",
      startedAt: new Date("2026-11-21T15:00:00Z"),
      redFlags: ["asked_remote_access"],
    });
    const flagsOf = async () =>
      (await getCase(db, user.id, opened.id)).contacts.flatMap((c) =>
        c.redFlags.map((f) => [c.id, f.kind, f.id] as const),
      );
    const flags = await flagsOf();
    expect(flags.map(([contactId, kind]) => [contactId, kind]).sort()).toEqual(
      [
        [first.id, "pressure_to_act_now"],
        [second.id, "asked_remote_access"],
      ].sort(),
    );
    const pressure = flags.find(([, kind]) => kind === "pressure_to_act_now")![2];
    const remote = flags.find(([, kind]) => kind === "asked_remote_access")![2];

    const mallory = await createTestUser(db, "Mallory");
    expect(await codeOf(deleteRedFlag(db, mallory.id, { redFlagId: pressure }))).toBe("NOT_FOUND");

    expect(await deleteRedFlag(db, user.id, { redFlagId: pressure })).toEqual({
      id: pressure,
      kind: "pressure_to_act_now",
      caseFlagCleared: false,
    });
    expect((await getCase(db, user.id, opened.id)).flaggedAt).toBeInstanceOf(Date);
    expect(await codeOf(deleteRedFlag(db, user.id, { redFlagId: pressure }))).toBe("NOT_FOUND");

    expect(await deleteRedFlag(db, user.id, { redFlagId: remote })).toMatchObject({
      caseFlagCleared: true,
    });
    expect(await flagsOf()).toEqual([]);
    expect((await getCase(db, user.id, opened.id)).flaggedAt).toBeNull();
    // The advice emails not sent yet find no flag to warn about: they are not sent.
    const owed = await db.select().from(notifications).where(eq(notifications.caseId, opened.id));
    expect(owed).toHaveLength(2);
    for (const notification of owed) {
      expect(await composeNotification(db, notification, "http://localhost:3000")).toBeNull();
    }
  });

  it("answers 'who has my SIN' across companies, and keeps the ledger per user", async () => {
    const a = await setup("Rogers", "rogers.com");
    const bank = await createCompany(db, a.user.id, { name: "TD Bank", website: "td.com" });
    const bankCase = await openCase(db, a.user.id, { companyId: bank.id, title: "Card dispute" });
    const first = await logContact(db, a.user.id, {
      caseId: a.opened.id,
      channelId: a.phone.id,
      channelKind: "phone",
      startedAt: new Date("2026-10-01T15:00:00Z"),
      disclosures: [{ kind: "national_id", asked: true, reason: "Credit check" }],
    });
    await logContact(db, a.user.id, {
      caseId: bankCase.id,
      channelKind: "web_form",
      startedAt: new Date("2026-11-01T15:00:00Z"),
      disclosures: [
        { kind: "national_id", asked: true, reason: "Tax slips for interest" },
        { kind: "address", asked: false },
      ],
    });
    const extra = await addDisclosure(db, a.user.id, {
      contactId: first.id,
      kind: "date_of_birth",
      asked: true,
    });

    const sin = await listDisclosures(db, a.user.id, { kind: "national_id" });
    expect(sin.map((d) => [d.companyName, d.reason, d.channelKind, d.channelValue])).toEqual([
      ["TD Bank", "Tax slips for interest", "web_form", null],
      ["Rogers", "Credit check", "phone", "+18887643771"],
    ]);
    const byKind = ledgerByKind(await listDisclosures(db, a.user.id));
    expect(
      Object.fromEntries(byKind.map((g) => [g.kind, g.holders.map((h) => h.companyName)])),
    ).toEqual({
      national_id: ["TD Bank", "Rogers"],
      address: ["TD Bank"],
      date_of_birth: ["Rogers"],
    });
    const rogersHolds = await listDisclosures(db, a.user.id, { companyId: a.company.id });
    expect(rogersHolds.map((d) => d.kind).sort()).toEqual(["date_of_birth", "national_id"]);

    // Another user sees none of it and cannot add to or delete from it.
    const other = await createTestUser(db);
    expect(await listDisclosures(db, other.id)).toEqual([]);
    expect(await listDisclosures(db, other.id, { companyId: a.company.id })).toEqual([]);
    expect(
      await codeOf(addDisclosure(db, other.id, { contactId: first.id, kind: "name", asked: true })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(deleteDisclosure(db, other.id, extra.id))).toBe("NOT_FOUND");
    expect(
      await codeOf(markRedFlag(db, other.id, { contactId: first.id, kind: "asked_password" })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(clearCaseFlag(db, other.id, { caseId: a.opened.id }))).toBe("NOT_FOUND");

    await deleteDisclosure(db, a.user.id, extra.id);
    expect(await listDisclosures(db, a.user.id, { kind: "date_of_birth" })).toEqual([]);
  });

  it("refuses a detail for a password or code, and full secrets in reasons and details", async () => {
    const { user, opened } = await setup();
    const bad = [
      { kind: "password", asked: true, detail: "hunter2" },
      { kind: "card_last4", asked: true, detail: "4111 1111 1111 1111" },
      { kind: "national_id", asked: true, reason: "They wanted 046-454-286 for a credit check" },
    ] as const;
    for (const disclosure of bad) {
      await expect(
        logContact(db, user.id, {
          caseId: opened.id,
          channelKind: "phone",
          startedAt: new Date("2026-11-20T15:00:00Z"),
          disclosures: [disclosure],
        }),
      ).rejects.toThrow();
    }
    expect((await getCase(db, user.id, opened.id)).contacts).toEqual([]);
  });
});

describe("breach reports", () => {
  it("lists what the company held, the country's actions, and ticks them off", async () => {
    const { user, company, opened, phone } = await setup();
    await logContact(db, user.id, {
      caseId: opened.id,
      channelId: phone.id,
      channelKind: "phone",
      startedAt: new Date("2026-09-02T15:00:00Z"),
      disclosures: [
        { kind: "national_id", asked: true },
        { kind: "address", asked: true },
      ],
    });
    const breach = await reportBreach(db, user.id, {
      companyId: company.id,
      occurredOn: "2026-11-01",
      source: "Email notice from Rogers",
      note: "Names, addresses and SINs exposed",
    });
    expect((await listBreaches(db, user.id, company.id)).map((b) => b.id)).toEqual([breach.id]);

    const report = await getBreachReport(db, user.id, breach.id);
    expect(report.company.name).toBe("Rogers");
    expect(report.country).toBe("CA");
    expect(report.disclosed.map((d) => d.kind).sort()).toEqual(["address", "national_id"]);
    const ids = report.actions.map((a) => a.id);
    expect(ids).toContain("change_password");
    expect(ids).toContain("fraud_alert_equifax_ca");
    expect(report.actions.every((a) => !a.done)).toBe(true);

    await setBreachActionDone(db, user.id, {
      breachId: breach.id,
      actionId: "change_password",
      done: true,
    });
    await setBreachActionDone(db, user.id, {
      breachId: breach.id,
      actionId: "change_password",
      done: true,
    });
    await setBreachActionDone(db, user.id, {
      breachId: breach.id,
      actionId: "turn_on_2fa",
      done: true,
    });
    const updated = await setBreachActionDone(db, user.id, {
      breachId: breach.id,
      actionId: "turn_on_2fa",
      done: false,
    });
    expect(updated.doneActions).toEqual(["change_password"]);
    expect(
      await codeOf(
        setBreachActionDone(db, user.id, {
          breachId: breach.id,
          actionId: "credit_freeze_equifax", // a US action, not on a Canadian report
          done: true,
        }),
      ),
    ).toBe("BAD_REQUEST");

    const other = await createTestUser(db);
    expect(await codeOf(getBreachReport(db, other.id, breach.id))).toBe("NOT_FOUND");
    expect(
      await codeOf(
        reportBreach(db, other.id, {
          companyId: company.id,
          occurredOn: "2026-11-01",
          source: "x",
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await codeOf(deleteBreach(db, other.id, breach.id))).toBe("NOT_FOUND");
    await deleteBreach(db, user.id, breach.id);
    expect(await listBreaches(db, user.id, company.id)).toEqual([]);
  });

  it("refuses a breach date in the future or not a date, and an empty source", async () => {
    const { user, company } = await setup();
    for (const input of [
      { occurredOn: "2999-01-01", source: "news" },
      { occurredOn: "2026-13-45", source: "news" },
      { occurredOn: "yesterday", source: "news" },
      { occurredOn: "2026-11-01", source: "   " },
    ]) {
      await expect(
        reportBreach(db, user.id, { companyId: company.id, ...input }),
      ).rejects.toThrow();
    }
    expect(await listBreaches(db, user.id, company.id)).toEqual([]);
  });
});
