import type { Database } from "@caseward/db";
import { and, eq, sql } from "@caseward/db";
import { cases, companies } from "@caseward/db/schema";
import type { CasePriority, CaseStatus } from "@caseward/db/vocabulary";
import { casePriorities, caseStatuses } from "@caseward/db/vocabulary";
import { z } from "zod";

import type { CaseMatch } from "../search/case-search";
import { caseMatches, matchSnippet } from "../search/case-search";
import { closedStatuses } from "./status";

export const caseListFilters = z.object({
  companyId: z.uuid("Unknown company.").optional(),
  status: z.enum(caseStatuses, "Pick a status from the list.").optional(),
  priority: z.enum(casePriorities, "Pick a priority from the list.").optional(),
  q: z.string().trim().max(200, "Keep the search under 200 characters.").optional(),
});
export type CaseListFilters = z.input<typeof caseListFilters>;

/** The dashboard's sections, in the order it shows them. */
export const caseGroups = ["needs_attention", "waiting_company", "waiting_me", "resolved"] as const;
export type CaseGroup = (typeof caseGroups)[number];

export const caseGroupOfStatus: Record<CaseStatus, CaseGroup> = {
  open: "needs_attention",
  escalation_due: "needs_attention",
  awaiting_company: "waiting_company",
  awaiting_me: "waiting_me",
  resolved: "resolved",
  abandoned: "resolved",
};

/** Closed cases pile up over the years; the dashboard shows the latest ones only. */
export const resolvedShown = 20;

export interface CaseListRow {
  id: string;
  title: string;
  status: CaseStatus;
  priority: CasePriority;
  lastContactAt: Date | null;
  createdAt: Date;
  company: { id: string; name: string; officialDomain: string };
  /** Set when the list was searched: where the case matched and the words around the hit. */
  match: CaseMatch | null;
}

export interface CaseList {
  groups: Record<CaseGroup, CaseListRow[]>;
  /** Cases per group, counting every resolved case even though only the latest are listed. */
  counts: Record<CaseGroup, number>;
  total: number;
}

const isClosed = sql<boolean>`${cases.status} in ${[...closedStatuses]}`;

/**
 * The user's cases across companies, grouped for the dashboard, filtered and searched.
 * Within a group: escalations first, then by priority, then the longest without contact.
 */
export async function listCases(
  db: Database,
  userId: string,
  filters: CaseListFilters,
): Promise<CaseList> {
  const { companyId, status, priority, q: rawQ } = caseListFilters.parse(filters);
  const q = rawQ || undefined;
  const matches = q === undefined ? undefined : caseMatches(db, userId, q);

  const base = (matches ? db.with(matches) : db)
    .select({
      id: cases.id,
      title: cases.title,
      status: cases.status,
      priority: cases.priority,
      lastContactAt: cases.lastContactAt,
      createdAt: cases.createdAt,
      companyId: sql`${companies.id}`.mapWith(companies.id).as("company_id"),
      companyName: sql`${companies.name}`.mapWith(companies.name).as("company_name"),
      officialDomain: companies.officialDomain,
      source: matches ? matches.source : sql<null>`null`.as("source"),
      document: matches ? matches.document : sql<null>`null`.as("document"),
      closed: isClosed.as("closed"),
      closedAt: sql<Date>`coalesce(${cases.closedAt}, ${cases.updatedAt})`.as("closed_or_updated_at"),
      closedRank:
        sql<number>`row_number() over (partition by ${isClosed} order by coalesce(${cases.closedAt}, ${cases.updatedAt}) desc)`.as(
          "closed_rank",
        ),
      closedCount: sql<number>`count(*) over (partition by ${isClosed})`
        .mapWith(Number)
        .as("closed_count"),
    })
    .from(cases)
    .innerJoin(companies, eq(companies.id, cases.companyId));
  const ranked = (matches ? base.innerJoin(matches, eq(matches.caseId, cases.id)) : base)
    .where(
      and(
        eq(cases.ownerId, userId),
        companyId ? eq(cases.companyId, companyId) : undefined,
        status ? eq(cases.status, status) : undefined,
        priority ? eq(cases.priority, priority) : undefined,
      ),
    )
    .as("ranked");

  const rows = await db
    .select({
      id: ranked.id,
      title: ranked.title,
      status: ranked.status,
      priority: ranked.priority,
      lastContactAt: ranked.lastContactAt,
      createdAt: ranked.createdAt,
      companyId: ranked.companyId,
      companyName: ranked.companyName,
      officialDomain: ranked.officialDomain,
      closedCount: ranked.closedCount,
      source: ranked.source,
      snippet: q === undefined ? sql<null>`null` : matchSnippet(sql`${ranked.document}`, q),
    })
    .from(ranked)
    .where(sql`not ${ranked.closed} or ${ranked.closedRank} <= ${resolvedShown}`)
    .orderBy(
      sql`${ranked.closed}`,
      sql`${ranked.closedAt} desc`,
      sql`case ${ranked.status} when 'escalation_due' then 0 when 'awaiting_me' then 1 when 'open' then 2 else 3 end`,
      sql`case ${ranked.priority} when 'high' then 0 when 'normal' then 1 else 2 end`,
      sql`coalesce(${ranked.lastContactAt}, ${ranked.createdAt})`,
    );

  const groups: CaseList["groups"] = {
    needs_attention: [],
    waiting_company: [],
    waiting_me: [],
    resolved: [],
  };
  let resolvedCount = 0;
  for (const row of rows) {
    const group = caseGroupOfStatus[row.status];
    if (group === "resolved") resolvedCount = row.closedCount;
    groups[group].push({
      id: row.id,
      title: row.title,
      status: row.status,
      priority: row.priority,
      lastContactAt: row.lastContactAt,
      createdAt: row.createdAt,
      company: { id: row.companyId, name: row.companyName, officialDomain: row.officialDomain },
      match: row.source && row.snippet !== null ? { where: row.source, snippet: row.snippet } : null,
    });
  }
  const counts: CaseList["counts"] = {
    needs_attention: groups.needs_attention.length,
    waiting_company: groups.waiting_company.length,
    waiting_me: groups.waiting_me.length,
    resolved: resolvedCount,
  };
  return { groups, counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
}
