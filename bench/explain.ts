import { caseListFilters, caseListQuery, searchTokenQuery } from "@caseward/core";
import type { Database } from "@caseward/db";

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
