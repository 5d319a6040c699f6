import { caseListFilters, caseListQuery, figuresQuery, searchTokenQuery } from "@caseward/core";
import type { Database } from "@caseward/db";
import { queryText } from "@caseward/db";

/** The owner-scoped GIN indexes on the generated `search` columns (packages/db/src/schema/domain.ts). */
export const searchIndexes = [
  "cases_owner_search_idx",
  "contacts_owner_search_idx",
  "questions_owner_search_idx",
];

/** EXPLAIN ANALYZE of the dashboard's search query, and which GIN indexes its plan uses. */
export async function explainSearch(db: Database, userId: string, q: string) {
  // Contacts and questions are searched through their blind index: the same words as tokens.
  const query = caseListQuery(
    db,
    userId,
    caseListFilters.parse({ q }),
    await searchTokenQuery(db, q),
  );
  const { sql, params } = query.toSQL();
  const rows = await db.$client.unsafe<{ "QUERY PLAN": string }[]>(
    `explain (analyze, buffers) ${sql}`,
    params as never[],
  );
  const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
  const used = Object.fromEntries(
    searchIndexes.map((index) => [index, new RegExp(`Index Scan on ${index}\\b`).test(plan)]),
  );
  return { plan, used };
}

/**
 * EXPLAIN ANALYZE of the insights page's one statement (issue 19) for a user, over the last
 * 12 months as the page's default: every figure group in one query.
 */
export async function explainInsights(db: Database, userId: string, now = new Date()) {
  // The months' bounds, in UTC here (the page's are the user's zone's): 12 months and the end.
  const monthStarts = Array.from(
    { length: 13 },
    (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1)),
  );
  const query = figuresQuery(
    userId,
    { from: monthStarts[0] },
    ["monthly", "counts", "waits", "tallies", "deadlines", "settings"],
    { now, monthStarts, deadlines: 10 },
  );
  const { sql, params } = queryText(query);
  const rows = await db.$client.unsafe<{ "QUERY PLAN": string }[]>(
    `explain (analyze, buffers) ${sql}`,
    params as never[],
  );
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}
