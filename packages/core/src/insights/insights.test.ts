import { and, eq } from "@caseward/db";
import { cases, timers } from "@caseward/db/schema";
import { describe, expect, it } from "vitest";

import { abandonCase, reopenCase, resolveCase } from "../cases/case-lifecycle";
import { openCase } from "../cases/case-service";
import { createCompany } from "../companies/company-service";
import { logContact, markCaseAnswered, updateContactTime } from "../contacts/contact-service";
import { fireTimer } from "../escalation/fire-timer";
import { getEvidencePack } from "../evidence/evidence-pack";
import { summaryFields } from "../evidence/evidence-text";
import { reportBreach } from "../privacy/breach-service";
import { updateSettings } from "../settings/settings-service";
import { createTestUser, useTestDatabase } from "../testing";
import { getCompanyReport } from "./company-report";
import { caseTimelineCsv, contactsCsv, insightTableCsv } from "./csv";
import { selectFigures } from "./insight-queries";
import { getInsights } from "./insights";

const db = useTestDatabase();
// The user's calendar is the default one: Toronto, Ontario, 09:00–17:00 (UTC−5 in November).
const at = (local: string) => new Date(`${local}-05:00`);
const now = at("2026-11-27T12:00:00");

async function fireTimerOf(contactId: string, kind: "response_window" | "promised_follow_up") {
  const [timer] = await db
    .select({ id: timers.id })
    .from(timers)
    .where(and(eq(timers.contactId, contactId), eq(timers.kind, kind)));
  expect((await fireTimer(db, timer!.id, now)).fired).toBe(true);
}

/**
 * Three hand-made cases with one company:
 * - "Refund": an email Monday 10:00 that the user marks "they answered" Tuesday 14:00 (1.5
 *   business days); resolved, reopened, resolved again.
 * - "Technician": a 30-minute call, a promise due Wednesday 4 Nov 17:00 that fired and was kept
 *   late by a call from them on Friday 6 Nov; a chat of 15 minutes.
 * - "Billing": an email on Friday 6 Nov 16:00 never answered: its window fired.
 */
async function companyWithHistory() {
  const user = await createTestUser(db, "Insight Owner");
  const company = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
  const other = await createCompany(db, user.id, { name: "Bell", website: "bell.ca" });

  const refund = await openCase(db, user.id, { companyId: company.id, title: "Refund" });
  const email = await logContact(db, user.id, {
    caseId: refund.id,
    channelKind: "email",
    startedAt: at("2026-11-02T10:00:00"),
    notes: '=HYPERLINK("http://evil.example","click")',
    representativeName: "Priya",
  });
  await markCaseAnswered(db, user.id, refund.id);
  // When the user said "they answered" (the row's time of change).
  await db
    .update(timers)
    .set({ updatedAt: at("2026-11-03T14:00:00") })
    .where(and(eq(timers.contactId, email.id), eq(timers.kind, "response_window")));

  const technician = await openCase(db, user.id, { companyId: company.id, title: "Technician" });
  const call = await logContact(db, user.id, {
    caseId: technician.id,
    channelKind: "phone",
    startedAt: at("2026-11-02T11:00:00"),
    endedAt: at("2026-11-02T11:30:00"),
    outcome: "waiting_company",
    promisedFollowUp: "A technician visit",
    followUpDueAt: at("2026-11-04T17:00:00"),
  });
  // The worker fired the promise when its date passed.
  await fireTimerOf(call.id, "promised_follow_up");
  await logContact(db, user.id, {
    caseId: technician.id,
    channelKind: "phone",
    direction: "inbound",
    startedAt: at("2026-11-06T10:00:00"),
  });
  await logContact(db, user.id, {
    caseId: technician.id,
    channelKind: "chat",
    startedAt: at("2026-11-09T10:00:00"),
    endedAt: at("2026-11-09T10:15:00"),
    outcome: "waiting_me",
  });

  const billing = await openCase(db, user.id, { companyId: company.id, title: "Billing" });
  const unanswered = await logContact(db, user.id, {
    caseId: billing.id,
    channelKind: "email",
    startedAt: at("2026-11-06T16:00:00"),
  });
  await fireTimerOf(unanswered.id, "response_window");

  // Opened 2 November, resolved, reopened, resolved for good on Thursday 5 November 17:00.
  await resolveCase(db, user.id, { caseId: refund.id, closingNote: "Refunded" });
  await reopenCase(db, user.id, { caseId: refund.id });
  await resolveCase(db, user.id, { caseId: refund.id, closingNote: "Refunded at last" });
  await db
    .update(cases)
    .set({ createdAt: at("2026-11-02T09:00:00"), closedAt: at("2026-11-05T17:00:00") })
    .where(eq(cases.id, refund.id));
  for (const opened of [technician, billing]) {
    await db
      .update(cases)
      .set({ createdAt: at("2026-11-02T09:00:00") })
      .where(eq(cases.id, opened.id));
  }
  await reportBreach(db, user.id, {
    companyId: company.id,
    occurredOn: "2026-10-01",
    source: "Rogers notice",
  });
  return { user, company, other, refund, technician, billing, call };
}

describe("getCompanyReport on real Postgres", () => {
  it("gives each figure over the company's cases, in business time", async () => {
    const { user, company } = await companyWithHistory();
    const report = await getCompanyReport(db, user.id, company.id, now);

    expect(report.basis).toEqual({
      cases: 3,
      since: at("2026-11-02T09:00:00"),
      resolved: 1,
      abandoned: 0,
    });
    // Refund: Mon 10:00 → "they answered" Tue 14:00 = 7 + 5 business hours = 1.5 days.
    // Technician: Mon 11:00 → their call Fri 10:00 = 6 + 8 + 8 + 8 + 1 = 31 h = 3.875 days.
    // Median of the two: 2.6875 → 2.7. Billing's email is still waiting: not counted.
    expect(report.timeToAnswer).toEqual({ medianBusinessDays: 2.7, answers: 2, cases: 2 });
    // Refund's window met ("they answered"), Billing's fired; Technician's call was answered
    // by their call too (met). The chat waits on the user: no window.
    expect(report.windowsMissed).toEqual({ share: 1 / 3, missed: 1, decided: 3 });
    expect(report.promises).toEqual({ kept: 0, broken: 1, keptLate: 1, pending: 0 });
    expect(report.escalations).toBe(2);
    // The reopened case counts once, from its opening to its last resolution (Mon 09:00 → Thu 17:00).
    expect(report.timeToResolution).toEqual({ medianBusinessDays: 4, cases: 1 });
    expect(report.contactsPerResolvedCase).toBe(1);
    // 30 minutes of call and 15 of chat; emails are not time spent talking.
    expect(report.talkMinutes).toBe(45);
    expect(report.contacts).toBe(5);
    expect(report.privacy).toMatchObject({ breaches: 1, lastBreachOn: "2026-10-01" });
    expect(report.privacy.rating.grade).toBe("unknown");
  });

  it("counts a contact's latest edit: moving their answer moves the figure", async () => {
    const { user, company, technician } = await companyWithHistory();
    const detail = await db.query.contacts.findFirst({
      where: (c, { and: both, eq: is }) =>
        both(is(c.caseId, technician.id), is(c.direction, "inbound")),
    });
    // Their call came on Tuesday 3 Nov at 11:00: 6 + 2 = 8 business hours = 1 day.
    await updateContactTime(db, user.id, {
      contactId: detail!.id,
      startedAt: at("2026-11-03T11:00:00"),
    });
    const report = await getCompanyReport(db, user.id, company.id, now);
    // Median of 1.5 and 1.
    expect(report.timeToAnswer.medianBusinessDays).toBe(1.3);
  });

  it("is NOT_FOUND for another user's company, and empty for a company without cases", async () => {
    const { company, other, user } = await companyWithHistory();
    const stranger = await createTestUser(db, "Stranger");
    await expect(getCompanyReport(db, stranger.id, company.id, now)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const empty = await getCompanyReport(db, user.id, other.id, now);
    expect(empty.basis.cases).toBe(0);
    expect(empty.timeToAnswer.medianBusinessDays).toBeNull();
    expect(empty.talkMinutes).toBe(0);
  });
});

describe("selectFigures counts on real Postgres", () => {
  it("counts cases, contacts and talk by company, in the period, and every contact of a case resolved in it", async () => {
    const { user, company, other } = await companyWithHistory();
    // Bell: a case given up (today, inside the period) after one email on 10 November.
    const givenUp = await openCase(db, user.id, { companyId: other.id, title: "Given up" });
    await logContact(db, user.id, {
      caseId: givenUp.id,
      channelKind: "email",
      startedAt: at("2026-11-10T10:00:00"),
    });
    await abandonCase(db, user.id, { caseId: givenUp.id, closingNote: "Not worth it" });

    const { counts } = await selectFigures(
      db,
      user.id,
      { from: at("2026-11-03T00:00:00") },
      ["counts"],
      {
        now,
      },
    );
    expect(counts.map(({ since: _since, ...rest }) => rest)).toEqual([
      {
        companyId: other.id,
        companyName: "Bell",
        cases: 1,
        resolved: 0,
        abandoned: 1,
        contacts: 1,
        resolvedContacts: 0,
        talkSeconds: 0,
      },
      {
        companyId: company.id,
        companyName: "Rogers",
        cases: 3,
        resolved: 1,
        abandoned: 0,
        // From 3 November: their call (6th), the chat (9th) and Billing's email (6th); the
        // 30-minute call and Refund's email of the 2nd are before it.
        contacts: 3,
        // Refund, resolved on the 5th: its one contact, though it came before the period.
        resolvedContacts: 1,
        // The 15-minute chat only.
        talkSeconds: 900,
      },
    ]);
  });
});

describe("getInsights on real Postgres", () => {
  it("gives months, rankings and the open deadlines, filtered", async () => {
    const { user, company, billing } = await companyWithHistory();
    const insights = await getInsights(db, user.id, { period: "3m" }, now);
    expect(insights.months.map((m) => m.month)).toEqual(["2026-09", "2026-10", "2026-11"]);
    expect(insights.months[2]).toEqual({
      month: "2026-11",
      opened: 3,
      resolved: 1,
      talkMinutes: 45,
    });
    expect(insights.byTimeToAnswer.map((c) => c.name)).toEqual(["Rogers"]);
    expect(insights.byPromisesKept.map((c) => c.companyId)).toEqual([company.id]);
    // Billing is escalated; Technician waits on the user (no deadline); Refund is resolved.
    expect(insights.deadlines.map((d) => [d.caseId, d.kind, d.passed])).toEqual([
      [billing.id, "response_window", true],
    ]);

    const resolvedOnly = await getInsights(db, user.id, { period: "all", status: "resolved" }, now);
    expect(resolvedOnly.companies.map((c) => c.cases)).toEqual([1]);
    expect(resolvedOnly.deadlines).toEqual([]);
    expect(resolvedOnly.fromMonth).toBe("2026-11");
  });

  it("lists only the deadline that escalated a case, not the ones it replaced", async () => {
    const { user, billing } = await companyWithHistory();
    const again = await logContact(db, user.id, {
      caseId: billing.id,
      channelKind: "email",
      startedAt: at("2026-11-16T10:00:00"),
    });
    await fireTimerOf(again.id, "response_window");
    const insights = await getInsights(db, user.id, { period: "3m" }, now);
    expect(insights.deadlines).toHaveLength(1);
    expect(insights.deadlines[0]!.dueAt).toEqual(at("2026-11-18T10:00:00"));
  });

  it("counts months in the user's zone, also right after the zone changed", async () => {
    const user = await createTestUser(db, "Traveller");
    const company = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
    const opened = await openCase(db, user.id, { companyId: company.id, title: "Roaming" });
    // 31 October 22:00 in Toronto, 1 November 11:00 in Tokyo.
    await db
      .update(cases)
      .set({ createdAt: new Date("2026-11-01T02:00:00Z") })
      .where(eq(cases.id, opened.id));
    const openedBy = async () => {
      const insights = await getInsights(db, user.id, { period: "3m" }, now);
      return [
        insights.timeZone,
        insights.months.filter((m) => m.opened > 0).map((m) => m.month),
        insights.months.map((m) => m.month),
      ];
    };
    const toronto = ["America/Toronto", ["2026-10"], ["2026-09", "2026-10", "2026-11"]];
    const tokyo = ["Asia/Tokyo", ["2026-11"], ["2026-09", "2026-10", "2026-11"]];
    expect(await openedBy()).toEqual(toronto);
    await updateSettings(db, user.id, { timeZone: "Asia/Tokyo", country: "JP" });
    expect(await openedBy()).toEqual(tokyo);
    expect(await openedBy()).toEqual(tokyo);
    await updateSettings(db, user.id, { timeZone: "America/Toronto", country: "CA" });
    expect(await openedBy()).toEqual(toronto);
  });

  it("shows nothing of another user's", async () => {
    await companyWithHistory();
    const stranger = await createTestUser(db, "Stranger");
    const insights = await getInsights(db, stranger.id, { period: "12m" }, now);
    expect(insights.companies).toEqual([]);
    expect(insights.months.every((m) => m.opened === 0 && m.talkMinutes === 0)).toBe(true);
  });
});

/**
 * Two hand-made cases with Videotron, to tell a period's events from the whole history:
 * - "Old": opened 4 May, resolved 15 July; not alive in the last 3 months.
 * - "Long": opened 1 June and still open. Before September: an email Tue 2 June 10:00 answered
 *   by their email Thu 4 June 10:00 (2 business days) and, between the two, a 30-minute call
 *   whose promise due 10 June was broken. In September: an email Tue 8 Sep 10:00 answered Wed 9 Sep 10:00
 *   (1 business day), and a 20-minute chat.
 */
async function caseAcrossPeriods() {
  const user = await createTestUser(db, "Period Owner");
  const company = await createCompany(db, user.id, { name: "Videotron", website: "videotron.com" });
  const old = await openCase(db, user.id, { companyId: company.id, title: "Old" });
  await resolveCase(db, user.id, { caseId: old.id, closingNote: "Settled" });
  await db
    .update(cases)
    .set({ createdAt: at("2026-05-04T09:00:00"), closedAt: at("2026-07-15T12:00:00") })
    .where(eq(cases.id, old.id));

  const long = await openCase(db, user.id, { companyId: company.id, title: "Long" });
  const contact = (fields: Partial<Parameters<typeof logContact>[2]> & { startedAt: Date }) =>
    logContact(db, user.id, { caseId: long.id, channelKind: "email", ...fields });
  await contact({ startedAt: at("2026-06-02T10:00:00") });
  const call = await contact({
    channelKind: "phone",
    startedAt: at("2026-06-03T10:00:00"),
    endedAt: at("2026-06-03T10:30:00"),
    outcome: "waiting_company",
    promisedFollowUp: "A credit on the bill",
    followUpDueAt: at("2026-06-10T17:00:00"),
  });
  // Fired when its date passed (logged here before their answer, which would keep it).
  await fireTimerOf(call.id, "promised_follow_up");
  await contact({ startedAt: at("2026-06-04T10:00:00"), direction: "inbound" });
  await contact({ startedAt: at("2026-09-08T10:00:00") });
  await contact({ startedAt: at("2026-09-09T10:00:00"), direction: "inbound" });
  await contact({
    channelKind: "chat",
    startedAt: at("2026-09-10T10:00:00"),
    endedAt: at("2026-09-10T10:20:00"),
    outcome: "waiting_me",
  });
  await db
    .update(cases)
    .set({ createdAt: at("2026-06-01T09:00:00") })
    .where(eq(cases.id, long.id));
  return user;
}

describe("getInsights: a period counts only the events inside it", () => {
  // Before: a period selected the cases alive in it, then counted their whole history (the
  // "3m" row read like the "all" row but for the Old case).
  const wholeHistory = {
    cases: 2,
    answers: 2,
    medianDays: 1.5,
    promisesDue: 1,
    talkMinutes: 50,
    resolved: 1,
    opened: 2,
  };
  it.each([
    {
      period: "3m",
      cases: 1,
      answers: 1,
      medianDays: 1,
      promisesDue: 0,
      talkMinutes: 20,
      resolved: 0,
      opened: 0,
    },
    { period: "12m", ...wholeHistory },
    { period: "all", ...wholeHistory },
  ] as const)("period $period", async ({ period, ...expected }) => {
    const user = await caseAcrossPeriods();
    const insights = await getInsights(db, user.id, { period }, now);
    const [videotron] = insights.companies;
    const sum = (key: "talkMinutes" | "resolved" | "opened") =>
      insights.months.reduce((total, month) => total + month[key], 0);
    expect({
      cases: videotron!.cases,
      answers: videotron!.timeToAnswer.answers,
      medianDays: videotron!.timeToAnswer.medianBusinessDays,
      promisesDue: videotron!.promises.kept + videotron!.promises.broken,
      talkMinutes: sum("talkMinutes"),
      resolved: sum("resolved"),
      opened: sum("opened"),
    }).toEqual(expected);
  });

  it("keeps the open deadlines whatever the period: they are today's", async () => {
    const { user, billing } = await companyWithHistory();
    for (const period of ["3m", "all"] as const) {
      const insights = await getInsights(db, user.id, { period }, now);
      expect(insights.deadlines.map((d) => d.caseId)).toEqual([billing.id]);
    }
  });
});

describe("CSV exports", () => {
  it("decrypts the owner's fields and neutralises formulas", async () => {
    const { user, refund } = await companyWithHistory();
    const csv = await caseTimelineCsv(db, user.id, refund.id);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toContain("Started (America/Toronto)");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("2026-11-02 10:00");
    expect(lines[1]).toContain("Priya");
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });

  it("filters all contacts by channel and dates, and refuses another user's case", async () => {
    const { user, refund } = await companyWithHistory();
    const calls = await contactsCsv(db, user.id, {
      channelKind: "phone",
      from: "2026-11-02",
      to: "2026-11-02",
    });
    expect(calls.trimEnd().split("\r\n")).toHaveLength(2);
    const stranger = await createTestUser(db, "Stranger");
    await expect(caseTimelineCsv(db, stranger.id, refund.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await contactsCsv(db, stranger.id, {})).trimEnd().split("\r\n")).toHaveLength(1);
  });

  it("writes each insight table", async () => {
    const { user } = await companyWithHistory();
    const insights = await getInsights(db, user.id, { period: "3m" }, now);
    expect(insightTableCsv(insights, "months")).toContain("2026-11,3,1,45\r\n");
    expect(insightTableCsv(insights, "companies")).toContain("Rogers,3,2.7,2,1,3,0,1,1,0\r\n");
    expect(insightTableCsv(insights, "deadlines")).toContain("Rogers,Billing,response_window,");
  });
});

describe("the evidence pack", () => {
  it("carries the company's figures for that case", async () => {
    const { user, technician } = await companyWithHistory();
    const pack = await getEvidencePack(db, user.id, technician.id, now);
    expect(pack.companyFigures.timeToAnswer).toEqual({
      medianBusinessDays: 3.9,
      answers: 1,
      cases: 1,
    });
    expect(pack.companyFigures.promises).toEqual({ kept: 0, broken: 1, keptLate: 1, pending: 0 });
    // The dossier and the PDF print them in the summary.
    expect(summaryFields(pack)).toEqual(
      expect.arrayContaining([
        { label: "Time to a first answer", value: "3.9 business days (median of 1 answer)" },
        { label: "Response windows missed", value: "0 of 1 window that ended" },
        { label: "Promises kept late", value: "1, after the promised date" },
        { label: "Escalations", value: "1" },
        { label: "Time on calls and chats", value: "45 min" },
      ]),
    );
  });
});
