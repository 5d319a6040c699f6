import { randomUUID } from "node:crypto";

import { and, eq } from "@caseward/db";
import { attachments, disclosures, redFlags, timers } from "@caseward/db/schema";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";

import { openCase } from "../cases/case-service";
import { addChannel } from "../channels/channel-service";
import { createCompany, setComplaintBody } from "../companies/company-service";
import { logContact } from "../contacts/contact-service";
import { DomainError } from "../errors";
import { addQuestion } from "../questions/question-service";
import { createTestUser, useTestDatabase } from "../testing";
import { deadlineStatus, getEvidencePack, transcriptExcerpt } from "./evidence-pack";
import { renderEvidencePdf } from "./evidence-pdf";
import { evidenceFileName, formatEvidenceTime, representativeText } from "./evidence-text";

const db = useTestDatabase();
const now = new Date("2026-11-28T12:00:00Z");

/** The text of each page, as a PDF reader extracts it (PDF.js, through unpdf). */
async function pdfPages(pdf: Uint8Array) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)));
  return text;
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? error.code : error),
  );

/**
 * A case the way it goes wrong: a call where a technician visit is promised (kept), the company
 * calling back without a name, and an email whose answer never came with a refund promised by a
 * date that passed. The account number was asked for, the card's last 4 given, pressure applied.
 */
async function troubledCase(transcript?: string) {
  const user = await createTestUser(db);
  const company = await createCompany(db, user.id, {
    name: "Rogers",
    website: "rogers.com",
    country: "CA",
  });
  await setComplaintBody(db, user.id, {
    companyId: company.id,
    complaintBody: "CCTS",
    complaintAfterDays: 56,
  });
  const phone = await addChannel(db, user.id, {
    companyId: company.id,
    kind: "phone",
    value: "1 888 764 3771",
    provenance: "bill",
    verified: true,
  });
  const opened = await openCase(db, user.id, {
    companyId: company.id,
    title: "Internet outage since Monday",
    description: "No internet at home since November 2.",
  });
  const question = await addQuestion(db, user.id, {
    caseId: opened.id,
    text: "When will the technician come?",
  });
  await addQuestion(db, user.id, { caseId: opened.id, text: "Will I get a credit?", tier: "nice" });

  const call = await logContact(db, user.id, {
    caseId: opened.id,
    channelId: phone.id,
    channelKind: "phone",
    startedAt: new Date("2026-11-02T15:00:00Z"),
    endedAt: new Date("2026-11-02T15:25:00Z"),
    representativeName: "Priya",
    representativeId: "R-4411",
    referenceNumber: "TCK-99812",
    outcome: "waiting_company",
    notes: "Promised a technician visit.",
    promisedFollowUp: "Technician visit",
    followUpDueAt: new Date("2026-11-05T17:00:00Z"),
    transcript,
  });
  // The technician came: the user marks the promise kept.
  await db
    .update(timers)
    .set({ status: "satisfied" })
    .where(and(eq(timers.contactId, call.id), eq(timers.kind, "promised_follow_up")));
  await db.insert(disclosures).values([
    { ownerId: user.id, contactId: call.id, kind: "account_number", asked: true },
    { ownerId: user.id, contactId: call.id, kind: "card_last4", asked: false },
  ]);
  await db.insert(attachments).values({
    ownerId: user.id,
    contactId: call.id,
    kind: "transcript",
    fileName: "call notes.txt",
    mimeType: "text/plain",
    sizeBytes: 12,
    sha256: "0".repeat(64),
    storageKey: randomUUID(),
  });

  await logContact(db, user.id, {
    caseId: opened.id,
    channelKind: "phone",
    direction: "inbound",
    startedAt: new Date("2026-11-04T14:00:00Z"),
    representativeDeclinedName: true,
    referenceNumber: "TCK-99813",
    answers: [{ questionId: question.id, answer: "Friday morning." }],
  });

  const email = await logContact(db, user.id, {
    caseId: opened.id,
    channelKind: "email",
    startedAt: new Date("2026-11-10T16:00:00Z"),
    notes: "Asked for the promised credit in writing.",
    promisedFollowUp: "Refund of 40 CAD",
    followUpDueAt: new Date("2026-11-20T17:00:00Z"),
  });
  // The worker fired the response window: nobody answered the email.
  await db
    .update(timers)
    .set({ status: "fired", firedAt: new Date("2026-11-12T16:00:00Z") })
    .where(and(eq(timers.contactId, email.id), eq(timers.kind, "response_window")));
  await db.insert(redFlags).values({
    ownerId: user.id,
    contactId: email.id,
    kind: "pressure_to_act_now",
    source: "marked",
  });

  return { user, caseId: opened.id };
}

describe("getEvidencePack", () => {
  it("lays out the case: contacts in time order, promises kept and broken, deadlines met and missed", async () => {
    const { user, caseId } = await troubledCase();
    const pack = await getEvidencePack(db, user.id, caseId, now);

    expect(pack.generatedAt).toBe("2026-11-28T12:00:00.000Z");
    expect(pack.timeZone).toBe("America/Toronto");
    expect(pack.case).toMatchObject({
      id: caseId,
      title: "Internet outage since Monday",
      description: "No internet at home since November 2.",
      status: "awaiting_company",
      closedAt: null,
    });
    expect(pack.company).toEqual({
      name: "Rogers",
      website: "https://rogers.com",
      complaintBody: "CCTS",
      complaintAfterDays: 56,
    });

    expect(pack.contacts.map((c) => [c.number, c.startedAt, c.direction, c.channel.kind])).toEqual([
      [1, "2026-11-02T15:00:00.000Z", "outbound", "phone"],
      [2, "2026-11-04T14:00:00.000Z", "inbound", "phone"],
      [3, "2026-11-10T16:00:00.000Z", "outbound", "email"],
    ]);
    const [call, callback, email] = pack.contacts;
    expect(call).toEqual({
      number: 1,
      startedAt: "2026-11-02T15:00:00.000Z",
      endedAt: "2026-11-02T15:25:00.000Z",
      durationMinutes: 25,
      direction: "outbound",
      channel: { kind: "phone", value: "1-888-764-3771" },
      representative: { name: "Priya", id: "R-4411", declinedName: false },
      referenceNumber: "TCK-99812",
      outcome: "waiting_company",
      promise: { text: "Technician visit", dueAt: "2026-11-05T17:00:00.000Z", status: "met" },
      notes: "Promised a technician visit.",
      transcript: null,
      recorded: false,
      attachments: [{ fileName: "call notes.txt", kind: "transcript" }],
      redFlags: [],
      disclosures: [
        { kind: "account_number", asked: true },
        { kind: "card_last4", asked: false },
      ],
    });
    expect(callback).toMatchObject({
      channel: { kind: "phone", value: null },
      representative: { name: null, id: null, declinedName: true },
      referenceNumber: "TCK-99813",
      promise: null,
      // The company called from a number that is not verified.
      redFlags: ["inbound_unverified"],
      disclosures: [],
      attachments: [],
    });
    expect(representativeText(callback!.representative)).toBe("Would not give a name");
    expect(representativeText(call!.representative)).toBe("Priya (id R-4411)");
    expect(email).toMatchObject({
      promise: { text: "Refund of 40 CAD", dueAt: "2026-11-20T17:00:00.000Z", status: "overdue" },
      redFlags: ["pressure_to_act_now"],
      durationMinutes: null,
    });

    expect(pack.deadlines.map((d) => [d.kind, d.status, d.contactNumber])).toEqual([
      ["response_window", "met", 1],
      ["promised_follow_up", "met", 1],
      ["response_window", "missed", 3],
      ["promised_follow_up", "overdue", 3],
      ["regulator_eligibility", "upcoming", null],
    ]);
    // 56 days after the first contact.
    expect(pack.deadlines[4]!.dueAt).toBe("2026-12-28T15:00:00.000Z");

    expect(pack.questions).toEqual([
      expect.objectContaining({
        number: 1,
        tier: "need",
        text: "When will the technician come?",
        answer: "Friday morning.",
        answeredInContact: 2,
      }),
      expect.objectContaining({
        number: 2,
        tier: "nice",
        answer: null,
        answeredAt: null,
        answeredInContact: null,
      }),
    ]);
    expect(pack.summary).toEqual({
      contacts: 3,
      firstContactAt: "2026-11-02T15:00:00.000Z",
      daysSinceFirstContact: 25,
      promisesMade: 2,
      promisesKept: 1,
      promisesBroken: 1,
      deadlinesMissed: 2,
    });
    // Plain data: it survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(pack))).toEqual(pack);
  });

  it("answers NOT_FOUND for another user's case and for an unknown one", async () => {
    const { caseId } = await troubledCase();
    const stranger = await createTestUser(db, "Mallory");
    expect(await codeOf(getEvidencePack(db, stranger.id, caseId))).toBe("NOT_FOUND");
    expect(await codeOf(getEvidencePack(db, stranger.id, randomUUID()))).toBe("NOT_FOUND");
  });

  it("uses the user's time zone from their settings", async () => {
    const { user, caseId } = await troubledCase();
    const { userSettings } = await import("@caseward/db/schema");
    await db
      .insert(userSettings)
      .values({ userId: user.id, timeZone: "Europe/London", country: "GB", subdivision: "ENG" });
    const pack = await getEvidencePack(db, user.id, caseId, now);
    expect(pack).toMatchObject({ timeZone: "Europe/London", locale: "en-GB" });
    expect(formatEvidenceTime(pack.contacts[0]!.startedAt, pack)).toBe(
      "Mon, 2 Nov 2026, 15:00 GMT",
    );
  });
});

describe("renderEvidencePdf", () => {
  it("writes a PDF whose pages carry the reference numbers, the names and the page numbers", async () => {
    const { user, caseId } = await troubledCase();
    const pdf = await renderEvidencePdf(await getEvidencePack(db, user.id, caseId, now));

    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = await pdfPages(pdf);
    const text = pages.join("\n");
    expect(text).toContain("TCK-99812");
    expect(text).toContain("TCK-99813");
    expect(text).toContain("Priya (id R-4411)");
    expect(text).toContain("Would not give a name");
    expect(text).toContain("Mon, Nov 2, 2026, 10:00 a.m. EST");
    expect(text).toContain("2 made, 1 kept, 1 broken");
    expect(text).toContain("Pressured to act right now");
    expect(text).toContain("Account number (they asked)");
    expect(text).toContain("Answer: Friday morning. (in contact #2)");
    expect(text).toContain("Technician visit (by Thu, Nov 5, 2026, 12:00 p.m. EST) — Kept");
    expect(text).toMatch(/Missed\s*The company should have answered by/);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it("runs a long transcript over several pages, each numbered, and prints every script; only what no font has as ?", async () => {
    const lines = Array.from(
      { length: 80 },
      (_, i) => `Agent: line ${i + 1} of the chat, about the outage and the refund.`,
    );
    const transcript = [
      "Ça coûte 40 € — “d’accord”, répond Hélène 😀",
      "Customer: Zoë Nguyễn, for 王芳 (Łódź, Дмитрий, やまだ; 김민준)",
      ...lines,
    ].join("\n");
    const { user, caseId } = await troubledCase(transcript);
    const pack = await getEvidencePack(db, user.id, caseId, now);
    expect(pack.contacts[0]!.transcript).toEqual({
      excerpt: transcript,
      truncated: false,
      characters: transcript.length,
    });

    const pages = await pdfPages(await renderEvidencePdf(pack));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain("Evidence pack · Rogers · Internet outage since Monday");
    });
    const text = pages.join("\n");
    expect(text).toContain("Ça coûte 40 € — “d’accord”, répond Hélène ?");
    for (const name of ["Zoë Nguyễn", "王芳", "Łódź", "Дмитрий", "やまだ"]) {
      expect(text, name).toContain(name);
    }
    // Hangul is not in the fonts (fonts/README.md): one ? per character, never a blank box.
    expect(text).toContain("やまだ; ???)");
    expect(text).toContain("Agent: line 80 of the chat, about the outage and the refund.");
  });

  it("embeds the CJK font only when the pack needs it, and only the glyphs used", async () => {
    const { user, caseId } = await troubledCase("Agent: your refund is on its way.");
    const latin = await renderEvidencePdf(await getEvidencePack(db, user.id, caseId, now));
    const { user: other, caseId: otherCase } = await troubledCase("Customer: 王芳");
    const cjk = await renderEvidencePdf(await getEvidencePack(db, other.id, otherCase, now));
    expect(latin.toString("latin1")).not.toContain("DroidSansFallback");
    expect(cjk.toString("latin1")).toContain("DroidSansFallback");
    // The fonts' files hold 4.7 MB; a subset of the glyphs used is a few tens of KB.
    expect(latin.byteLength).toBeLessThan(150_000);
    expect(cjk.byteLength - latin.byteLength).toBeLessThan(60_000);
  });
});

describe("deadlineStatus", () => {
  const past = new Date("2026-11-20T12:00:00Z");
  const future = new Date("2026-12-20T12:00:00Z");
  it.each([
    ["response_window", "satisfied", past, "met"],
    ["response_window", "fired", past, "missed"],
    ["response_window", "cancelled", past, "cancelled"],
    ["response_window", "pending", future, "upcoming"],
    ["response_window", "pending", past, "overdue"],
    ["promised_follow_up", "fired", past, "missed"],
    ["promised_follow_up", "pending", past, "overdue"],
    ["regulator_eligibility", "pending", future, "upcoming"],
    ["regulator_eligibility", "pending", past, "reached"],
    ["regulator_eligibility", "fired", past, "reached"],
    ["regulator_eligibility", "cancelled", future, "cancelled"],
  ] as const)("%s %s, due %s → %s", (kind, status, dueAt, expected) => {
    expect(deadlineStatus({ kind, status, dueAt }, now)).toBe(expected);
  });
});

describe("transcriptExcerpt", () => {
  it("keeps a short transcript whole and cuts a long one at a line end", () => {
    expect(transcriptExcerpt("hello", 10)).toEqual({
      excerpt: "hello",
      truncated: false,
      characters: 5,
    });
    const long = "0123456789\n0123456789\n0123456789";
    expect(transcriptExcerpt(long, 25)).toEqual({
      excerpt: "0123456789\n0123456789",
      truncated: true,
      characters: 32,
    });
    expect(transcriptExcerpt("x".repeat(30), 25)).toMatchObject({
      excerpt: "x".repeat(25),
      truncated: true,
    });
  });
});

describe("evidenceFileName", () => {
  it.each([
    ["2026-11-28T12:00:00Z", "America/Toronto", "caseward-evidence-2026-11-28.pdf"],
    ["2026-11-28T03:00:00Z", "America/Toronto", "caseward-evidence-2026-11-27.pdf"],
    ["2026-11-28T20:00:00Z", "Australia/Sydney", "caseward-evidence-2026-11-29.pdf"],
  ])("made at %s in %s → %s, never the case's title", (generatedAt, timeZone, expected) => {
    expect(evidenceFileName({ generatedAt, timeZone })).toBe(expected);
  });
});
