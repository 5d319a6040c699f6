import { eq, inArray } from "@caseward/db";
import type { Database } from "@caseward/db";
import { cases, contacts, questions } from "@caseward/db/schema";
import type { CaseStatus } from "@caseward/db/vocabulary";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { createCompany } from "../companies/company-service";
import { createTestUser, useTestDatabase } from "../testing";
import { openCase } from "./case-service";
import type { CaseList, CaseListFilters } from "./case-list";
import { listCases, mostShownPerGroup, shownPerGroup } from "./case-list";

const db = useTestDatabase();

async function setStatus(database: Database, caseId: string, status: CaseStatus, closedAt?: Date) {
  await database
    .update(cases)
    .set({ status, closedAt: closedAt ?? null })
    .where(eq(cases.id, caseId));
}

const titlesOf = (list: CaseList) => ({
  needs_attention: list.groups.needs_attention.map((c) => c.title),
  waiting_company: list.groups.waiting_company.map((c) => c.title),
  waiting_me: list.groups.waiting_me.map((c) => c.title),
  resolved: list.groups.resolved.map((c) => c.title),
  abandoned: list.groups.abandoned.map((c) => c.title),
});

const allTitles = (list: CaseList) => Object.values(titlesOf(list)).flat().sort();

/** A user with a bank and an airline, and one case in each status. */
async function userWithCases(name = "Test User") {
  const user = await createTestUser(db, name);
  const bank = await createCompany(db, user.id, {
    name: "Northwind Bank",
    website: "northwindbank.com",
  });
  const airline = await createCompany(db, user.id, { name: "Maple Air", website: "mapleair.ca" });
  const open = async (
    companyId: string,
    title: string,
    status: CaseStatus,
    extra: { priority?: "high" | "normal" | "low"; description?: string } = {},
  ) => {
    const created = await openCase(db, user.id, { companyId, title, ...extra });
    if (status !== "open") await setStatus(db, created.id, status, new Date());
    return created;
  };
  const cases = {
    outage: await open(bank.id, "Card blocked abroad", "open"),
    overdue: await open(bank.id, "Disputed transaction", "escalation_due", { priority: "low" }),
    refund: await open(airline.id, "Refund for cancelled flight", "awaiting_company", {
      priority: "high",
    }),
    baggage: await open(airline.id, "Lost baggage claim", "awaiting_me"),
    fee: await open(bank.id, "Overdraft fee reversed", "resolved"),
    seat: await open(airline.id, "Seat upgrade never applied", "abandoned"),
  };
  return { user, bank, airline, cases };
}

describe("listCases", () => {
  it("groups cases by where they stand, escalations first", async () => {
    const { user } = await userWithCases();
    const list = await listCases(db, user.id, {});
    expect(titlesOf(list)).toEqual({
      needs_attention: ["Disputed transaction", "Card blocked abroad"],
      waiting_company: ["Refund for cancelled flight"],
      waiting_me: ["Lost baggage claim"],
      resolved: ["Overdraft fee reversed"],
      abandoned: ["Seat upgrade never applied"],
    });
    expect(list.total).toBe(6);
    expect(list.counts).toEqual({
      needs_attention: 2,
      waiting_company: 1,
      waiting_me: 1,
      resolved: 1,
      abandoned: 1,
    });
    expect(list.groups.waiting_company[0]).toMatchObject({
      status: "awaiting_company",
      priority: "high",
      lastContactAt: null,
      flagged: false,
      match: null,
      nextDeadline: null,
    });
    expect(Number.isSafeInteger(list.groups.waiting_company[0]?.createdAt)).toBe(true);
    // Each listed company once, named by the row's id; none repeated in the rows.
    const airlineId = list.groups.waiting_company[0]!.companyId;
    expect(list.companies[airlineId]).toEqual({ name: "Maple Air" });
    expect(Object.keys(list.companies)).toHaveLength(2);
  });

  it("puts escalations first, then high priority, then the case waiting longest", async () => {
    const user = await createTestUser(db);
    const company = await createCompany(db, user.id, { name: "Bell", website: "bell.ca" });
    const add = async (
      title: string,
      status: CaseStatus,
      priority: "high" | "normal",
      lastContactAt: string | null,
    ) => {
      const created = await openCase(db, user.id, { companyId: company.id, title, priority });
      await db
        .update(cases)
        .set({ status, lastContactAt: lastContactAt ? new Date(lastContactAt) : null })
        .where(eq(cases.id, created.id));
      return created.id;
    };
    await add("Recent, normal", "awaiting_company", "normal", "2026-03-10T10:00:00Z");
    await add("Old, normal", "awaiting_company", "normal", "2026-01-10T10:00:00Z");
    await add("Recent, high", "awaiting_company", "high", "2026-03-11T10:00:00Z");
    await add("Never contacted", "open", "high", null);
    const overdueId = await add("Overdue", "escalation_due", "normal", "2026-03-01T10:00:00Z");
    const flaggedAt = new Date("2026-03-02T09:30:00.250Z");
    // Titles are encrypted: the database cannot find a case by its title.
    await db.update(cases).set({ flaggedAt }).where(eq(cases.id, overdueId));
    const list = await listCases(db, user.id, {});
    expect(titlesOf(list).needs_attention).toEqual(["Overdue", "Never contacted"]);
    // Each row's times and company as stored (rows are read by position from the driver).
    const [overdue] = list.groups.needs_attention;
    const [stored] = await db.select().from(cases).where(eq(cases.id, overdue!.id));
    expect(overdue).toMatchObject({
      status: "escalation_due",
      priority: "normal",
      lastContactAt: Date.parse("2026-03-01T10:00:00Z"),
      createdAt: stored!.createdAt.getTime(),
      flagged: true,
      companyId: company.id,
    });
    expect(list.groups.needs_attention[1]?.flagged).toBe(false);
    expect(list.companies).toEqual({ [company.id]: { name: "Bell" } });
    expect(titlesOf(list).waiting_company).toEqual([
      "Recent, high",
      "Old, normal",
      "Recent, normal",
    ]);
  });

  it("lists the first cases of every group, counts them all, and shows more on request", async () => {
    const user = await createTestUser(db);
    const company = await createCompany(db, user.id, { name: "Bell", website: "bell.ca" });
    const extra = 3;
    await db.insert(cases).values(
      Array.from({ length: shownPerGroup + extra }, (_, i) => ({
        ownerId: user.id,
        companyId: company.id,
        title: `Old bill ${i}`,
        status: "resolved" as const,
        closedAt: new Date(Date.UTC(2026, 0, 1 + i)),
      })),
    );
    await db.insert(cases).values(
      Array.from({ length: 2 * shownPerGroup + extra }, (_, i) => ({
        ownerId: user.id,
        companyId: company.id,
        title: `Open bill ${i}`,
        // The case waiting longest comes first.
        lastContactAt: new Date(Date.UTC(2026, 0, 1 + i)),
      })),
    );
    await db.insert(cases).values({
      ownerId: user.id,
      companyId: company.id,
      title: "Gave up on the modem",
      status: "abandoned",
      closedAt: new Date(Date.UTC(2026, 1, 1)),
    });
    const list = await listCases(db, user.id, {});
    expect(list.groups.resolved).toHaveLength(shownPerGroup);
    expect(list.groups.resolved[0]?.title).toBe(`Old bill ${shownPerGroup + extra - 1}`);
    expect(list.groups.resolved.at(-1)?.title).toBe(`Old bill ${extra}`);
    expect(list.counts).toEqual({
      needs_attention: 2 * shownPerGroup + extra,
      waiting_company: 0,
      waiting_me: 0,
      resolved: shownPerGroup + extra,
      abandoned: 1,
    });
    expect(list.groups.needs_attention.map((c) => c.title)).toEqual(
      Array.from({ length: shownPerGroup }, (_, i) => `Open bill ${i}`),
    );
    expect(titlesOf(list).abandoned).toEqual(["Gave up on the modem"]);
    expect(list.total).toBe(3 * shownPerGroup + 2 * extra + 1);

    // "Show more" in one group lists the next ones there, in the same order, and nothing else moves.
    const more = await listCases(db, user.id, {
      shown: { needs_attention: 2 * shownPerGroup },
    });
    expect(more.groups.needs_attention.map((c) => c.title)).toEqual(
      Array.from({ length: 2 * shownPerGroup }, (_, i) => `Open bill ${i}`),
    );
    expect(more.groups.resolved).toEqual(list.groups.resolved);
    expect(more.counts).toEqual(list.counts);
    const all = await listCases(db, user.id, {
      shown: { needs_attention: 3 * shownPerGroup, resolved: 3 * shownPerGroup },
    });
    expect(all.groups.needs_attention).toHaveLength(2 * shownPerGroup + extra);
    expect(all.groups.resolved).toHaveLength(shownPerGroup + extra);
    expect(all.groups.resolved.at(-1)?.title).toBe("Old bill 0");

    // A search pages the same way.
    const searched = await listCases(db, user.id, { q: "bill", shown: { resolved: 1 } });
    expect(searched.groups.resolved).toHaveLength(1);
    expect(searched.groups.needs_attention).toHaveLength(shownPerGroup);
    expect(searched.counts.resolved).toBe(shownPerGroup + extra);
  });

  it.each<[string, (ids: Awaited<ReturnType<typeof userWithCases>>) => CaseListFilters, string[]]>([
    [
      "company",
      ({ airline }) => ({ companyId: airline.id }),
      ["Lost baggage claim", "Refund for cancelled flight", "Seat upgrade never applied"],
    ],
    ["status", () => ({ status: "awaiting_me" }), ["Lost baggage claim"]],
    ["priority", () => ({ priority: "high" }), ["Refund for cancelled flight"]],
    [
      "company and priority",
      ({ bank }) => ({ companyId: bank.id, priority: "low" }),
      ["Disputed transaction"],
    ],
  ])("filters by %s", async (_, filtersFor, expected) => {
    const data = await userWithCases();
    const list = await listCases(db, data.user.id, filtersFor(data));
    expect(allTitles(list)).toEqual(expected);
    expect(list.total).toBe(expected.length);
  });

  it("treats an empty search as no search", async () => {
    const { user } = await userWithCases();
    const list = await listCases(db, user.id, { q: "   " });
    expect(list.total).toBe(6);
    expect(list.groups.needs_attention[0]?.match).toBeNull();
  });

  describe("search", () => {
    async function userWithHistory(name?: string) {
      const data = await userWithCases(name);
      const { user, cases: c } = data;
      await db.insert(contacts).values([
        {
          ownerId: user.id,
          caseId: c.refund.id,
          channelKind: "phone",
          direction: "outbound",
          startedAt: new Date("2026-03-02T15:00:00Z"),
          representativeName: "Priya",
          referenceNumber: "RF-2026-0042",
          notes: "The agent promised a technician would call back about the voucher.",
        },
        {
          ownerId: user.id,
          caseId: c.baggage.id,
          channelKind: "chat",
          direction: "outbound",
          startedAt: new Date("2026-03-03T15:00:00Z"),
          transcript:
            "Agent: Thank you for waiting.\nMe: My suitcase was delivered to Winnipeg instead of Halifax.\nAgent: I see it in the tracing system.",
        },
      ]);
      await db.insert(questions).values({
        ownerId: user.id,
        caseId: c.overdue.id,
        text: "Will the chargeback be reported to the credit bureau?",
        position: 1,
      });
      return data;
    }

    it.each([
      ["a case title or details", "cancelled flights", "Refund for cancelled flight", "title"],
      ["contact notes", "technicians", "Refund for cancelled flight", "contact"],
      ["a representative's name", "priya", "Refund for cancelled flight", "contact"],
      ["a chat transcript", "suitcase Winnipeg", "Lost baggage claim", "contact"],
      ["a question", "chargeback", "Disputed transaction", "question"],
      ["a quoted phrase", '"credit bureau"', "Disputed transaction", "question"],
    ])("finds a case by %s", async (_, q, title, where) => {
      const { user } = await userWithHistory();
      const list = await listCases(db, user.id, { q });
      expect(allTitles(list)).toEqual([title]);
      const [row] = Object.values(list.groups).flat();
      expect(row?.match?.where).toBe(where);
      expect(row?.match?.snippet).toMatch(/«[^»]+»/);
    });

    it("marks the words it found in the snippet and nothing else", async () => {
      const { user, bank } = await userWithCases();
      await openCase(db, user.id, {
        companyId: bank.id,
        title: "Mortgage «renewal» letter",
        description: "Sent after the deadline.",
      });
      const list = await listCases(db, user.id, { q: "deadline" });
      expect(list.groups.needs_attention.map((c) => c.match)).toEqual([
        {
          where: "title",
          snippet: 'Mortgage "renewal" letter · Sent after the «deadline».',
        },
      ]);
    });

    it("searched again with the same words, sees every change made since", async () => {
      const { user, cases: c } = await userWithHistory();
      const first = await listCases(db, user.id, { q: "voucher" });
      // The same words again: their parsed query and the snippets are remembered, not the answer.
      expect(await listCases(db, user.id, { q: "voucher" })).toEqual(first);
      expect(first.groups.waiting_company[0]?.match?.snippet).toContain("«voucher»");

      // The matched text changes (a writer clears its index): the snippet follows it.
      await db
        .update(contacts)
        .set({ notes: "They offered a travel voucher worth two hundred dollars.", search: null })
        .where(eq(contacts.caseId, c.refund.id));
      const edited = await listCases(db, user.id, { q: "voucher" });
      expect(edited.groups.waiting_company[0]?.match?.snippet).toContain(
        "«voucher» worth two hundred dollars.",
      );

      // A new contact, not indexed yet, is found by the very next search of the same words.
      await db.insert(contacts).values({
        ownerId: user.id,
        caseId: c.baggage.id,
        channelKind: "email",
        direction: "inbound",
        startedAt: new Date("2026-03-05T15:00:00Z"),
        notes: "A meal voucher for the delay.",
      });
      const added = await listCases(db, user.id, { q: "voucher" });
      expect(allTitles(added)).toEqual(["Lost baggage claim", "Refund for cancelled flight"]);
      expect(added.groups.waiting_me[0]?.match?.snippet).toContain("meal «voucher» for the delay");
    });

    it("shows a case once even when several of its contacts match", async () => {
      const { user, cases: c } = await userWithHistory();
      await db.insert(contacts).values({
        ownerId: user.id,
        caseId: c.refund.id,
        channelKind: "email",
        direction: "inbound",
        startedAt: new Date("2026-03-04T15:00:00Z"),
        notes: "Voucher offered instead of a refund; refused the voucher.",
      });
      const list = await listCases(db, user.id, { q: "voucher" });
      expect(list.groups.waiting_company.map((c) => c.title)).toEqual([
        "Refund for cancelled flight",
      ]);
      expect(list.total).toBe(1);
    });

    it("lists each group's best matches first, and only the first ones", async () => {
      const { user, bank } = await userWithCases();
      const many = await db
        .insert(cases)
        .values(
          Array.from({ length: shownPerGroup + 5 }, (_, i) => ({
            ownerId: user.id,
            companyId: bank.id,
            title: `Statement ${i} shows a fee`,
            status: "awaiting_company" as const,
          })),
        )
        .returning({ id: cases.id });
      const best = await openCase(db, user.id, {
        companyId: bank.id,
        title: "Fee upon fee",
        description: "A fee for the fee, and a fee for the statement.",
      });
      await setStatus(db, best.id, "awaiting_company");
      const list = await listCases(db, user.id, { q: "fee" });
      expect(list.counts.waiting_company).toBe(many.length + 1);
      expect(list.groups.waiting_company).toHaveLength(shownPerGroup);
      expect(list.groups.waiting_company[0]?.title).toBe("Fee upon fee");
      expect(list.total).toBe(many.length + 2); // and "Overdraft fee reversed"
    });

    it("combines search with filters", async () => {
      const { user, bank, airline } = await userWithHistory();
      expect((await listCases(db, user.id, { q: "flight", companyId: airline.id })).total).toBe(1);
      expect((await listCases(db, user.id, { q: "flight", companyId: bank.id })).total).toBe(0);
      expect((await listCases(db, user.id, { q: "flight", status: "resolved" })).total).toBe(0);
    });

    it("finds nothing when nothing matches, or only stop words are given", async () => {
      const { user } = await userWithHistory();
      for (const q of ["helicopter", "the and of"]) {
        const list = await listCases(db, user.id, { q });
        expect(list.total, q).toBe(0);
        expect(Object.values(list.groups).flat(), q).toEqual([]);
      }
    });

    it("never shows another user's cases, contacts or questions", async () => {
      const alice = await userWithHistory("Alice");
      const mallory = await userWithHistory("Mallory");
      for (const q of ["flight", "technician", "suitcase", "chargeback"]) {
        const list = await listCases(db, alice.user.id, { q });
        const ids = Object.values(list.groups)
          .flat()
          .map((c) => c.id);
        expect(ids.length, q).toBe(1);
        const owners = await db
          .select({ ownerId: cases.ownerId })
          .from(cases)
          .where(inArray(cases.id, ids));
        expect(owners, q).toEqual([{ ownerId: alice.user.id }]);
      }
      const unfiltered = await listCases(db, mallory.user.id, { companyId: alice.bank.id });
      expect(unfiltered.total).toBe(0);
    });
  });

  it.each<[string, object]>([
    ["a company id that is not a uuid", { companyId: "bank" }],
    ["an unknown status", { status: "closed" }],
    ["an unknown priority", { priority: "urgent" }],
    ["a search longer than 200 characters", { q: "refund ".repeat(40) }],
    ["a search that is not text", { q: 42 }],
    ["an unknown group to show more of", { shown: { closed: 40 } }],
    ["showing no case of a group", { shown: { resolved: 0 } }],
    ["showing more than the most at once", { shown: { resolved: mostShownPerGroup + 1 } }],
    ["a count that is not a whole number", { shown: { resolved: 20.5 } }],
  ])("refuses %s", async (_, filters) => {
    const user = await createTestUser(db);
    await expect(listCases(db, user.id, filters as CaseListFilters)).rejects.toBeInstanceOf(
      ZodError,
    );
  });
});
