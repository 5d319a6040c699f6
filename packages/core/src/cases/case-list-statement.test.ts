import { randomUUID } from "node:crypto";

import { eq } from "@caseward/db";
import { cases, companies, contacts, timers, userSettings } from "@caseward/db/schema";
import type { CasePriority, TimerKind } from "@caseward/db/vocabulary";
import { caseStatuses } from "@caseward/db/vocabulary";
import { afterEach, describe, expect, it, vi } from "vitest";

import { listPendingDeadlines } from "../escalation/timer-service";
import { createTestUser, useTestDatabase } from "../testing";
import type { CaseList, CaseListInput } from "./case-list";
import { caseGroups, caseListInput, caseListQuery, listCases, shownPerGroup } from "./case-list";
import { matchSnippets } from "../search/case-search";
import { startSearch } from "../search/search-index";

const db = useTestDatabase();

/**
 * The list as it was read before it became one statement: `caseListQuery` through drizzle (its
 * own column decoders, the title decrypted by its column), then the listed cases' pending
 * deadlines in a second read. What the one statement must give, byte for byte.
 */
async function listCasesAsBefore(userId: string, input: CaseListInput): Promise<CaseList> {
  const { shown, ...parsed } = caseListInput.parse(input);
  const q = parsed.q || undefined;
  const tokenQuery = q === undefined ? undefined : await startSearch(db, userId, q);
  const rows = await caseListQuery(
    db,
    userId,
    parsed,
    tokenQuery,
    Object.fromEntries(
      caseGroups.map((group) => [group, shown?.[group] ?? shownPerGroup]),
    ) as Record<(typeof caseGroups)[number], number>,
  );
  const matched = rows.flatMap((row) =>
    row.source && row.sourceId ? [{ source: row.source, sourceId: row.sourceId }] : [],
  );
  const snippets = q === undefined ? [] : await matchSnippets(db, userId, matched, q);
  const snippetOf = new Map(matched.map((m, i) => [`${m.source}:${m.sourceId}`, snippets[i]!]));
  // Sorted by due date: the first pending timer of each case is its soonest.
  const deadlines = new Map<string, { kind: TimerKind; dueAt: number }>();
  const pending = await listPendingDeadlines(
    db,
    userId,
    rows.map((row) => row.id),
  );
  for (const timer of pending) {
    if (!deadlines.has(timer.caseId)) {
      deadlines.set(timer.caseId, { kind: timer.kind, dueAt: timer.dueAt.getTime() });
    }
  }
  const groups = Object.fromEntries(
    caseGroups.map((group) => [group, []]),
  ) as unknown as CaseList["groups"];
  const counts = Object.fromEntries(caseGroups.map((group) => [group, 0])) as CaseList["counts"];
  const companies: CaseList["companies"] = {};
  for (const row of rows) {
    counts[row.group] = Number(row.groupCount);
    companies[row.companyId] ??= { name: row.companyName };
    groups[row.group].push({
      id: row.id,
      title: row.title,
      status: row.status,
      priority: row.priority,
      lastContactAt: row.lastContactAt?.getTime() ?? null,
      createdAt: row.createdAt.getTime(),
      flagged: row.flaggedAt !== null,
      companyId: row.companyId,
      match:
        row.source && row.sourceId
          ? { where: row.source, snippet: snippetOf.get(`${row.source}:${row.sourceId}`) ?? "" }
          : null,
      nextDeadline: deadlines.get(row.id) ?? null,
    });
  }
  return {
    groups,
    counts,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    companies,
  };
}

/** Deterministic variety: a small linear congruential generator. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const priorities: CasePriority[] = ["high", "normal", "low"];
const kinds: TimerKind[] = ["response_window", "promised_follow_up", "regulator_eligibility"];

/**
 * A user with 4 companies and `count` cases in every status, with times to the microsecond
 * (the driver's text and JSON spell them differently), flags, up to 3 pending deadlines each
 * (and fired or cancelled ones), refund contacts to search for, and their own settings.
 */
async function seededUser(count: number, seed: number) {
  const next = random(seed);
  const user = await createTestUser(db, "List Owner");
  await db.insert(userSettings).values({
    userId: user.id,
    timeZone: "America/Toronto",
    country: "CA",
    subdivision: "ON",
  });
  const companyRows = await db
    .insert(companies)
    .values(
      ["Northwind Bank", "Maple Air", "Bell & Sons", "Ünïcode Télécom"].map((name, i) => ({
        ownerId: user.id,
        name,
        websiteUrl: `https://c${i}.example.com`,
        officialDomain: `c${i}.example.com`,
      })),
    )
    .returning();
  const base = Date.UTC(2026, 10, 1);
  const micros = () => `${String(Math.floor(next() * 1e6)).padStart(6, "0")}`;
  const at = (days: number) => {
    const ms = base + Math.floor(days * 86_400_000);
    return new Date(ms).toISOString().replace(/\.\d+Z$/, `.${micros()}Z`);
  };
  const caseIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    caseIds.push(id);
    const status = caseStatuses[i % caseStatuses.length]!;
    await db.$client`insert into cases (id, owner_id, company_id, title, status, priority,
        last_contact_at, closed_at, flagged_at, created_at)
      values (${id}, ${user.id}, ${companyRows[Math.floor(next() * 4)]!.id}, 'placeholder',
        ${status}, ${priorities[Math.floor(next() * 3)]!},
        ${next() < 0.2 ? null : at(next() * 30)}::timestamptz,
        ${status === "resolved" || status === "abandoned" ? at(next() * 30) : null}::timestamptz,
        ${next() < 0.3 ? at(next() * 30) : null}::timestamptz, ${at(next() * 30)}::timestamptz)`;
    // Through drizzle: the title is sealed as the app seals it.
    await db
      .update(cases)
      .set({ title: `Case ${i} — “refund” ${next() < 0.5 ? "fee" : "outage"} <&>` })
      .where(eq(cases.id, id));
    for (const kind of kinds) {
      if (next() < 0.4) continue;
      const status = next() < 0.75 ? "pending" : next() < 0.5 ? "fired" : "cancelled";
      await db.$client`insert into timers (owner_id, case_id, kind, status, due_at)
        values (${user.id}, ${id}, ${kind}, ${status}, ${at(next() * 60 - 10)}::timestamptz)`;
    }
    if (next() < 0.5) {
      await db.insert(contacts).values({
        ownerId: user.id,
        caseId: id,
        direction: "outbound",
        channelKind: "email",
        startedAt: new Date(base),
        notes: `Asked for a refund of the ${next() < 0.5 ? "fee" : "fare"}.`,
      });
    }
  }
  return { userId: user.id, caseIds };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the case list's one statement", () => {
  it("gives the same answer as the two reads it replaced, byte for byte", async () => {
    const { userId } = await seededUser(90, 17);
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-20T15:30:00.000Z") });
    const inputs: CaseListInput[] = [
      {},
      { status: "awaiting_company" },
      { priority: "high" },
      { shown: { needs_attention: 3, resolved: 1000 } },
      { q: "refund" },
      { q: "fee", priority: "normal" },
      { q: "nothing matches this" },
    ];
    let compared = 0;
    for (const input of inputs) {
      const before = await listCasesAsBefore(userId, input);
      const after = await listCases(db, userId, input);
      expect(JSON.stringify(after)).toBe(JSON.stringify(before));
      expect(after).toEqual(before);
      compared += after.total;
    }
    expect(compared).toBeGreaterThan(150);
    const all = await listCases(db, userId, { shown: { resolved: 1000, abandoned: 1000 } });
    const withDeadline = Object.values(all.groups)
      .flat()
      .filter((row) => row.nextDeadline);
    expect(withDeadline.length).toBeGreaterThan(20);
    // Times are whole milliseconds since the epoch, as a Date holds them.
    expect(withDeadline.every((row) => Number.isSafeInteger(row.nextDeadline!.dueAt))).toBe(true);
  });

  it("picks the soonest pending deadline of an open case, none of a closed one", async () => {
    const { userId, caseIds } = await seededUser(6, 3);
    const [open] = caseIds;
    const resolved = caseIds[4]!;
    await db.delete(timers).where(eq(timers.ownerId, userId));
    await db.$client`insert into timers (owner_id, case_id, kind, status, due_at) values
      (${userId}, ${open!}, 'response_window', 'pending', '2026-12-03T10:00:00Z'),
      (${userId}, ${open!}, 'promised_follow_up', 'pending', '2026-12-02T10:00:00Z'),
      (${userId}, ${open!}, 'regulator_eligibility', 'fired', '2026-11-01T10:00:00Z'),
      (${userId}, ${resolved}, 'response_window', 'pending', '2026-11-25T10:00:00Z')`;
    const list = await listCases(db, userId, {});
    const rows = Object.values(list.groups).flat();
    expect(rows.find((row) => row.id === open)?.nextDeadline).toEqual({
      kind: "promised_follow_up",
      dueAt: Date.parse("2026-12-02T10:00:00Z"),
    });
    expect(rows.find((row) => row.id === resolved)?.nextDeadline).toBeNull();
  });
});
