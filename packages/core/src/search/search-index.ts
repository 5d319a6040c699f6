import type { Database, Executor } from "@caseward/db";
import type { SQLWrapper } from "@caseward/db";
import { and, eq, isNull, preparedQuery, sql } from "@caseward/db";
import { mostOccurrences, tokenQuery, tokenVector } from "@caseward/db/encryption";
import type { KeyRing } from "@caseward/db/encryption";
import { keyRing } from "@caseward/db/encryption";
import { cases, contacts, questions } from "@caseward/db/schema";

// The encrypted text of cases, contacts and questions is searched through a blind index: the
// `search` column holds keyed tokens of the English lexemes (stemmed, stop words out), never
// the words. Postgres makes the lexemes (the 'english' configuration); the plaintext reaches it
// only as a query parameter and is never stored.

/** What a case's search covers: its title and description, joined the way its snippet reads. */
export const caseDocument = (c: { title: string; description: string | null }) =>
  [c.title, c.description].filter(Boolean).join(" · ");

/** What a contact's search covers, joined the way its snippet reads. */
export const contactDocument = (c: {
  notes: string | null;
  transcript: string | null;
  referenceNumber: string | null;
  representativeName: string | null;
  promisedFollowUp: string | null;
}) =>
  [c.notes, c.transcript, c.referenceNumber, c.representativeName, c.promisedFollowUp]
    .filter(Boolean)
    .join(" · ");

/** What a question's search covers: the question and its answer. */
export const questionDocument = (q: { text: string; answer: string | null }) =>
  [q.text, q.answer].filter(Boolean).join(" · ");

export const contactDocumentColumns = {
  notes: contacts.notes,
  transcript: contacts.transcript,
  referenceNumber: contacts.referenceNumber,
  representativeName: contacts.representativeName,
  promisedFollowUp: contacts.promisedFollowUp,
};
export const questionDocumentColumns = { text: questions.text, answer: questions.answer };
export const caseDocumentColumns = { title: cases.title, description: cases.description };

/**
 * The English lexemes of each document, in one round trip: each once per occurrence, up to
 * `mostOccurrences` (tokenVector keeps the count, not the order).
 */
export async function lexemesOf(db: Executor, documents: readonly string[]): Promise<string[][]> {
  if (documents.length === 0) return [];
  const rows = await db.execute<{ lexemes: string[] }>(
    sql`select array(select v.lexeme from unnest(to_tsvector('english', d)) v,
                       generate_series(1, least(cardinality(v.positions), ${mostOccurrences})))
                 as lexemes
        from unnest(${sql.param(documents)}::text[]) with ordinality as t(d, i) order by i`,
  );
  return [...rows].map((row) => row.lexemes);
}

/** The blind-index vectors (tsvector text) of the documents, under the ring's current key. */
export async function searchVectorsOf(
  db: Executor,
  documents: readonly string[],
  ring: KeyRing = keyRing(),
): Promise<string[]> {
  const lexemes = await lexemesOf(db, documents);
  return lexemes.map((list) => tokenVector(list, ring));
}

/** The search words as a tsquery over tokens: `websearch_to_tsquery` rewritten lexeme by lexeme. */
export async function searchTokenQuery(db: Executor, q: string): Promise<string> {
  const [row] = await db.execute<{ query: string }>(
    sql`select websearch_to_tsquery('english', ${q})::text as query`,
  );
  return tokenQuery(row?.query ?? "");
}

const searchTables = { cases, contacts, questions } as const;

const unindexed = (
  table: (typeof searchTables)[keyof typeof searchTables],
  userId: SQLWrapper | string,
) => sql`exists (select 1 from ${table} where ${table.ownerId} = ${userId}
              and ${table.search} is null)`;

/** "Is anything of the user's not indexed yet?" (a partial index each), as SQL. */
export const searchPending = (userId: SQLWrapper | string) =>
  sql`(${unindexed(cases, userId)} or ${unindexed(contacts, userId)} or ${unindexed(questions, userId)})`;

// One round trip for the words and for "is anything of the user's not indexed yet?": a
// search used to spend four on them, three finding nothing.
const searchStart = preparedQuery<{ query: string; pending: boolean }>(sql`
  select websearch_to_tsquery('english', ${sql.placeholder("q")}::text)::text as query,
         ${searchPending(sql.placeholder("userId"))} as pending`);

/**
 * The words of searches made lately as Postgres parsed them (`websearch_to_tsquery` of the
 * same text and configuration gives the same query every time), in this process's memory
 * only, at most `mostRememberedWords`.
 */
const mostRememberedWords = 1_000;
const parsedWords = new Map<string, string>();

/**
 * The token query of words searched before (`startSearch` parsed them), or undefined: the
 * caller must then ask `startSearch`, and otherwise still index what is pending.
 */
export function searchWords(q: string): (() => string) | undefined {
  const parsed = parsedWords.get(q);
  return parsed === undefined ? undefined : () => tokenQuery(parsed);
}

/**
 * What a search of the user's encrypted text starts with: the rows written since the last
 * search are indexed first (`indexPendingSearch`), and the words become tokens
 * (`searchTokenQuery`).
 */
export async function startSearch(db: Database, userId: string, q: string): Promise<string> {
  const [row] = await searchStart(db, { userId, q });
  if (row?.pending) await indexPendingSearch(db, userId);
  const parsed = row?.query ?? "";
  if (parsedWords.size >= mostRememberedWords) parsedWords.delete(parsedWords.keys().next().value!);
  parsedWords.set(q, parsed);
  return tokenQuery(parsed);
}

/**
 * Stores the vectors of rows read at row version `version` (xmin): a row changed since then
 * keeps its null and is indexed by the next pass, never with tokens of older text.
 */
export async function storeSearchVectors(
  db: Executor,
  table: keyof typeof searchTables,
  rows: readonly { id: string; version: string; vector: string }[],
) {
  if (rows.length === 0) return;
  const target = searchTables[table];
  await db.execute(sql`
    update ${target} set search = v.vector::tsvector
    from unnest(${sql.param(rows.map((r) => r.id))}::uuid[],
                ${sql.param(rows.map((r) => r.version))}::text[],
                ${sql.param(rows.map((r) => r.vector))}::text[]) as v(id, version, vector)
    where ${target}.id = v.id and ${target}.xmin::text = v.version`);
}

const rowVersion = (table: { id: unknown }) => sql<string>`${table}.xmin::text`;

// Rows indexed per round: bounds memory and query size when many are pending (after an upgrade).
const pendingBatch = 1000;

/**
 * Indexes the user's rows whose `search` is null (new or changed since): a search runs this
 * first, so every writer only has to clear `search` when it changes the text.
 */
export async function indexPendingSearch(db: Executor, userId: string) {
  for (let round = 0; round < 100; round++) {
    const [pendingCases, pendingContacts, pendingQuestions] = await Promise.all([
      db
        .select({ id: cases.id, version: rowVersion(cases), ...caseDocumentColumns })
        .from(cases)
        .where(and(eq(cases.ownerId, userId), isNull(cases.search)))
        .limit(pendingBatch),
      db
        .select({ id: contacts.id, version: rowVersion(contacts), ...contactDocumentColumns })
        .from(contacts)
        .where(and(eq(contacts.ownerId, userId), isNull(contacts.search)))
        .limit(pendingBatch),
      db
        .select({ id: questions.id, version: rowVersion(questions), ...questionDocumentColumns })
        .from(questions)
        .where(and(eq(questions.ownerId, userId), isNull(questions.search)))
        .limit(pendingBatch),
    ]);
    const pending = pendingCases.length + pendingContacts.length + pendingQuestions.length;
    if (pending === 0) return;
    const vectors = await searchVectorsOf(db, [
      ...pendingCases.map(caseDocument),
      ...pendingContacts.map(contactDocument),
      ...pendingQuestions.map(questionDocument),
    ]);
    const withVector = <T extends { id: string; version: string }>(rows: T[], offset: number) =>
      rows.map((row, i) => ({ id: row.id, version: row.version, vector: vectors[offset + i]! }));
    await storeSearchVectors(db, "cases", withVector(pendingCases, 0));
    await storeSearchVectors(db, "contacts", withVector(pendingContacts, pendingCases.length));
    await storeSearchVectors(
      db,
      "questions",
      withVector(pendingQuestions, pendingCases.length + pendingContacts.length),
    );
    const most = Math.max(pendingCases.length, pendingContacts.length, pendingQuestions.length);
    if (most < pendingBatch) return;
  }
}
