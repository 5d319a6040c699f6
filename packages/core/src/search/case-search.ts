import type { Database, SQL } from "@caseward/db";
import { and, asc, desc, eq, sql } from "@caseward/db";
import { cases, contacts, questions } from "@caseward/db/schema";

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

// The same 'english' configuration as the generated `search` columns, or the GIN indexes
// on them cannot be used. websearch_to_tsquery never fails on user input: quotes, `or` and
// `-word` work as in a web search engine, anything else is ignored.
export const caseSearchQuery = (q: string): SQL => sql`websearch_to_tsquery('english', ${q})`;

// Ties go to the title, then questions, then contacts: the shorter text makes the clearer snippet.
const sourceOrder = (source: SQL) =>
  sql`case ${source} when 'title' then 0 when 'question' then 1 else 2 end`;

/**
 * Each of the user's cases that matches `q`, once, with its best matching source: which kind,
 * the row's id (for `matchSnippet`) and its rank. A CTE: use it with `db.with(matches)` and
 * join on `caseId`. Each branch is one owner's rows found through the GIN index on `search`.
 */
export function caseMatches(db: Database, userId: string, q: string) {
  const query = caseSearchQuery(q);
  const titleHits = db
    .select({
      caseId: sql<string>`${cases.id}`.as("case_id"),
      source: sql<MatchSource>`'title'`.as("source"),
      sourceId: sql<string>`${cases.id}`.as("source_id"),
      rank: sql<number>`ts_rank(${cases.search}, ${query})`.as("rank"),
    })
    .from(cases)
    .where(and(eq(cases.ownerId, userId), sql`${cases.search} @@ ${query}`));
  const contactHits = db
    .select({
      caseId: contacts.caseId,
      source: sql<MatchSource>`'contact'`,
      sourceId: contacts.id,
      rank: sql<number>`ts_rank(${contacts.search}, ${query})`,
    })
    .from(contacts)
    .where(and(eq(contacts.ownerId, userId), sql`${contacts.search} @@ ${query}`));
  const questionHits = db
    .select({
      caseId: questions.caseId,
      source: sql<MatchSource>`'question'`,
      sourceId: questions.id,
      rank: sql<number>`ts_rank(${questions.search}, ${query})`,
    })
    .from(questions)
    .where(and(eq(questions.ownerId, userId), sql`${questions.search} @@ ${query}`));

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
        rank: hits.rank,
      })
      .from(hits)
      .orderBy(asc(hits.caseId), desc(hits.rank), asc(sourceOrder(sql`${hits.source}`))),
  );
}

// The text behind each source's `search` column, joined so that a snippet reads naturally.
// Fetched by id only for the matches shown: carrying every hit's text through the query
// costs more than these lookups.
function matchDocument(db: Database, userId: string, source: SQL, sourceId: SQL) {
  const title = db
    .select({ text: sql`concat_ws(' · ', ${cases.title}, ${cases.description})` })
    .from(cases)
    .where(and(eq(cases.id, sourceId), eq(cases.ownerId, userId)));
  const contact = db
    .select({
      text: sql`concat_ws(' · ', ${contacts.notes}, ${contacts.transcript}, ${contacts.referenceNumber}, ${contacts.representativeName}, ${contacts.promisedFollowUp})`,
    })
    .from(contacts)
    .where(and(eq(contacts.id, sourceId), eq(contacts.ownerId, userId)));
  const question = db
    .select({ text: sql`concat_ws(' · ', ${questions.text}, ${questions.answer})` })
    .from(questions)
    .where(and(eq(questions.id, sourceId), eq(questions.ownerId, userId)));
  return sql`case ${source} when 'title' then ${title} when 'contact' then ${contact} else ${question} end`;
}

/**
 * The words around the hit in the matched source (`caseMatches`' `source` and `sourceId`),
 * plain text with the hit between «». Marks of the same kind in the user's own text become
 * ", so a mark always means a hit.
 */
export function matchSnippet(
  db: Database,
  userId: string,
  match: { source: SQL; sourceId: SQL },
  q: string,
): SQL<string> {
  const document = matchDocument(db, userId, match.source, match.sourceId);
  const text = sql`translate(${document}, ${snippetMarks.start + snippetMarks.end}, '""')`;
  // One excerpt around the best cover: half the cost of MaxFragments on long transcripts.
  const options = `StartSel=${snippetMarks.start}, StopSel=${snippetMarks.end}, MaxWords=20, MinWords=8, ShortWord=2`;
  return sql<string>`ts_headline('english', ${text}, ${caseSearchQuery(q)}, ${options})`;
}
