import type { Database, Placeholder, SQL } from "@caseward/db";
import { and, asc, desc, eq, jsonObject, preparedQuery, readJsonRow, sql } from "@caseward/db";
import { cases, contacts, questions } from "@caseward/db/schema";

import {
  caseDocument,
  caseDocumentColumns,
  contactDocument,
  contactDocumentColumns,
  questionDocument,
  questionDocumentColumns,
} from "./search-index";

/** Where a case matched a search: its title or details, one of its contacts, one of its questions. */
export const matchSources = ["title", "contact", "question"] as const;
export type MatchSource = (typeof matchSources)[number];

/** What the dashboard shows under a case that matched: where, and the words around the hit. */
export interface CaseMatch {
  where: MatchSource;
  /** Plain text; the matched words sit between `snippetMarks.start` and `snippetMarks.end`. */
  snippet: string;
}

export const snippetMarks = { start: "«", end: "»" } as const;

// The same 'english' configuration as the blind index's lexemes (search-index.ts).
// websearch_to_tsquery never fails on user input: quotes, `or` and
// `-word` work as in a web search engine, anything else is ignored.
export const caseSearchQuery = (q: string | Placeholder): SQL =>
  sql`websearch_to_tsquery('english', ${q})`;

// Ties go to the title, then questions, then contacts: the shorter text makes the clearer snippet.
const sourceOrder = (source: SQL) =>
  sql`case ${source} when 'title' then 0 when 'question' then 1 else 2 end`;

/**
 * Each of the user's cases that matches, once, with its best matching source: which kind,
 * the row's id (for `matchSnippets`) and its rank. Everything searched is encrypted: cases
 * (title and description), contacts and questions are searched with `tokenQuery`, the query
 * `q` over their blind index (`searchTokenQuery`). A CTE: use it with `db.with(matches)` and join on `caseId`. Each
 * branch is one owner's rows found through the GIN index on `search`.
 */
export function caseMatches(db: Database, userId: string, tokenQuery: string) {
  const tokens = sql`${tokenQuery}::tsquery`;
  const titleHits = db
    .select({
      caseId: sql<string>`${cases.id}`.as("case_id"),
      source: sql<MatchSource>`'title'`.as("source"),
      sourceId: sql<string>`${cases.id}`.as("source_id"),
      sourceVersion: sql<string>`${cases}.xmin::text`.as("source_version"),
      rank: sql<number>`ts_rank(${cases.search}, ${tokens})`.as("rank"),
    })
    .from(cases)
    .where(and(eq(cases.ownerId, userId), sql`${cases.search} @@ ${tokens}`));
  const contactHits = db
    .select({
      caseId: contacts.caseId,
      source: sql<MatchSource>`'contact'`,
      sourceId: contacts.id,
      sourceVersion: sql<string>`${contacts}.xmin::text`,
      rank: sql<number>`ts_rank(${contacts.search}, ${tokens})`,
    })
    .from(contacts)
    .where(and(eq(contacts.ownerId, userId), sql`${contacts.search} @@ ${tokens}`));
  const questionHits = db
    .select({
      caseId: questions.caseId,
      source: sql<MatchSource>`'question'`,
      sourceId: questions.id,
      sourceVersion: sql<string>`${questions}.xmin::text`,
      rank: sql<number>`ts_rank(${questions.search}, ${tokens})`,
    })
    .from(questions)
    .where(and(eq(questions.ownerId, userId), sql`${questions.search} @@ ${tokens}`));

  const hits = db
    .$with("case_search_hits")
    .as(titleHits.unionAll(contactHits).unionAll(questionHits));
  return db.$with("case_matches").as(
    db
      .with(hits)
      .selectDistinctOn([hits.caseId], {
        caseId: hits.caseId,
        source: hits.source,
        sourceId: hits.sourceId,
        sourceVersion: hits.sourceVersion,
        rank: hits.rank,
      })
      .from(hits)
      .orderBy(asc(hits.caseId), desc(hits.rank), asc(sourceOrder(sql`${hits.source}`))),
  );
}

const idsOf = (name: string) => sql`${sql.placeholder(name)}::uuid[]`;
const userId = sql.placeholder("userId");
// The text behind each source's search, in one round trip: each row's columns as JSON, read
// (decrypted) here, in the application.
const documentsQuery = preparedQuery<{
  source: MatchSource;
  id: string;
  version: string;
  row: Record<string, unknown>;
}>(sql`
  select 'title' as source, ${cases.id} as id, ${cases}.xmin::text as version,
         ${jsonObject(caseDocumentColumns)} as row
    from ${cases} where ${cases.id} = any(${idsOf("titleIds")}) and ${cases.ownerId} = ${userId}
  union all
  select 'contact', ${contacts.id}, ${contacts}.xmin::text, ${jsonObject(contactDocumentColumns)}
    from ${contacts} where ${contacts.id} = any(${idsOf("contactIds")}) and ${contacts.ownerId} = ${userId}
  union all
  select 'question', ${questions.id}, ${questions}.xmin::text, ${jsonObject(questionDocumentColumns)}
    from ${questions}
    where ${questions.id} = any(${idsOf("questionIds")}) and ${questions.ownerId} = ${userId}`);

/** The text of each matched source, joined as its snippet reads. */
async function matchDocuments(
  db: Database,
  userId: string,
  matches: readonly { source: MatchSource; sourceId: string }[],
) {
  const idsOf = (source: MatchSource) =>
    matches.filter((m) => m.source === source).map((m) => m.sourceId);
  const rows = await documentsQuery(db, {
    userId,
    titleIds: idsOf("title"),
    contactIds: idsOf("contact"),
    questionIds: idsOf("question"),
  });
  const documentOf = {
    title: (row: Record<string, unknown>) => caseDocument(readJsonRow(caseDocumentColumns, row)),
    contact: (row: Record<string, unknown>) =>
      contactDocument(readJsonRow(contactDocumentColumns, row)),
    question: (row: Record<string, unknown>) =>
      questionDocument(readJsonRow(questionDocumentColumns, row)),
  } satisfies Record<MatchSource, unknown>;
  const documents = new Map<string, { text: string; version: string }>();
  for (const row of rows) {
    documents.set(`${row.source}:${row.id}`, {
      text: documentOf[row.source](row.row),
      version: row.version,
    });
  }
  return matches.map((m) => documents.get(`${m.source}:${m.sourceId}`) ?? null);
}

// One excerpt around the best cover: half the cost of MaxFragments on long transcripts.
const headlineOptions = `StartSel=${snippetMarks.start}, StopSel=${snippetMarks.end}, MaxWords=20, MinWords=8, ShortWord=2`;
const headlinesQuery = preparedQuery<{ snippet: string }>(sql`
  select ts_headline('english', translate(d, ${snippetMarks.start + snippetMarks.end}, '""'),
                     ${caseSearchQuery(sql.placeholder("q"))}, ${headlineOptions}) as snippet
  from unnest(${sql.placeholder("documents")}::text[]) with ordinality as t(d, i) order by i`);

/**
 * The words around the hit in each matched source (`caseMatches`' `source` and `sourceId`),
 * plain text with the hit between «». Marks of the same kind in the user's own text become
 * ", so a mark always means a hit. The decrypted text goes to Postgres as a parameter of
 * `ts_headline` only, and is not kept there.
 */
export async function matchSnippets(
  db: Database,
  userId: string,
  matches: readonly { source: MatchSource; sourceId: string; sourceVersion?: string | null }[],
  q: string,
): Promise<string[]> {
  const snippets = matches.map((m) =>
    m.sourceVersion
      ? rememberedSnippets.get(snippetKey(m.source, m.sourceId, m.sourceVersion, q))
      : undefined,
  );
  const missing = matches.filter((_, i) => snippets[i] === undefined);
  if (missing.length === 0) return snippets as string[];
  const documents = await matchDocuments(db, userId, missing);
  const rows = await headlinesQuery(db, { documents: documents.map((d) => d?.text ?? ""), q });
  let next = 0;
  return snippets.map((known, i) => {
    if (known !== undefined) return known;
    const at = next++;
    const snippet = rows[at]!.snippet;
    const document = documents[at];
    if (document) {
      const key = snippetKey(matches[i]!.source, matches[i]!.sourceId, document.version, q);
      if (rememberedSnippets.size >= mostRememberedSnippets) {
        rememberedSnippets.delete(rememberedSnippets.keys().next().value!);
      }
      rememberedSnippets.set(key, snippet);
    }
    return snippet;
  });
}

/**
 * Snippets made lately, by source row, row version (`xmin`: any change of the row gives it a
 * new one) and search words: a snippet is `ts_headline` of the row's text and the words, so a
 * hit is exact, and a dashboard searched again neither decrypts its matches nor sends their
 * text back to Postgres. In this process's memory only, at most `mostRememberedSnippets`.
 */
const mostRememberedSnippets = 5_000;
const rememberedSnippets = new Map<string, string>();
const snippetKey = (source: MatchSource, id: string, version: string, q: string) =>
  `${source}:${id}:${version}:${q}`;
