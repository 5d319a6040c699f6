import type { Database, SQL } from "@caseward/db";
import { and, asc, gt, or, sql } from "@caseward/db";
import type { KeyRing } from "@caseward/db/encryption";
import { decryptField, encryptField, encryptedPrefix, keyRing } from "@caseward/db/encryption";
import { attachments, cases, contacts, disclosures, questions } from "@caseward/db/schema";

import { reencryptAttachmentFile, storedFileKeyId } from "../attachments/storage";
import { contactDocument, questionDocument, searchVectorsOf } from "../search/search-index";

// Every encrypted column, by table. Keep in step with `encryptedText` in the schema: the
// rotation test fails when a column is encrypted but missing here.
export const encryptedColumns = {
  contacts: {
    table: contacts,
    columns: {
      notes: contacts.notes,
      transcript: contacts.transcript,
      referenceNumber: contacts.referenceNumber,
      representativeName: contacts.representativeName,
      promisedFollowUp: contacts.promisedFollowUp,
    },
    document: contactDocument as (row: Record<string, string | null>) => string,
  },
  questions: {
    table: questions,
    columns: { text: questions.text, answer: questions.answer },
    document: questionDocument as (row: Record<string, string | null>) => string,
  },
  cases: {
    table: cases,
    columns: { closingNote: cases.closingNote },
    document: null,
  },
  disclosures: {
    table: disclosures,
    columns: { reason: disclosures.reason, detail: disclosures.detail },
    document: null,
  },
} as const;
type EncryptedTable = keyof typeof encryptedColumns;

export interface RotationProgress {
  /** What is being re-encrypted: a table name, or "files". */
  phase: EncryptedTable | "files";
  done: number;
  total: number;
}

export interface RotationReport {
  rows: Record<EncryptedTable, number>;
  files: { reencrypted: number; current: number; missing: number };
}

// Any of the columns above: all are `encryptedText`, so one column's type stands for them.
type Column = typeof contacts.notes;

// Not under the current key: another key's value, or plaintext stored before encryption.
const staleValue = (column: SQL | Column, currentPrefix: string) =>
  sql`(${column} is not null and left(${column}, ${currentPrefix.length}) <> ${currentPrefix})`;

/**
 * Re-encrypts every value and every uploaded file that is not under the ring's current key
 * (and plaintext stored before encryption), recomputing the search tokens of those rows. In
 * batches, walking each table by id (keyset pagination); a row changed by the app meanwhile
 * (another xmin) is left for the next run, which only does what is left: safe to interrupt
 * and run again.
 */
export async function rotateEncryptionKeys(
  db: Database,
  options: {
    uploadDir: string;
    batchSize?: number;
    onProgress?: (progress: RotationProgress) => void;
    ring?: KeyRing;
  },
): Promise<RotationReport> {
  const ring = options.ring ?? keyRing();
  const batchSize = options.batchSize ?? 500;
  const currentPrefix = `${encryptedPrefix}${ring.current.id}:`;
  const report: RotationReport = {
    rows: { cases: 0, contacts: 0, questions: 0, disclosures: 0 },
    files: { reencrypted: 0, current: 0, missing: 0 },
  };

  for (const name of Object.keys(encryptedColumns) as EncryptedTable[]) {
    const { table, document } = encryptedColumns[name];
    const columns = encryptedColumns[name].columns as unknown as Record<string, Column>;
    const names = Object.keys(columns);
    const stale = or(...Object.values(columns).map((c) => staleValue(c, currentPrefix)))!;
    const [counted] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(table)
      .where(stale);
    const total = counted?.n ?? 0;
    let done = 0;
    options.onProgress?.({ phase: name, done, total });
    let after: string | null = null;
    for (;;) {
      // The stored text as it is (no decryption by the column type): `sql` without mapWith.
      const raw = Object.fromEntries(names.map((n) => [n, sql<string | null>`${columns[n]!}`]));
      const batch: ({ id: string; version: string } & Record<string, string | null>)[] = await db
        .select({ id: table.id, version: sql<string>`${table}.xmin::text`, ...raw })
        .from(table)
        .where(and(stale, after ? gt(table.id, after) : undefined))
        .orderBy(asc(table.id))
        .limit(batchSize);
      if (batch.length === 0) break;
      after = batch.at(-1)!.id;
      const plain = batch.map((row) =>
        Object.fromEntries(
          names.map((n) => {
            const stored = row[n] ?? null;
            const context = `${name}.${columns[n]!.name}`;
            return [n, stored === null ? null : decryptField(stored, context, ring)];
          }),
        ),
      );
      const vectors = document ? await searchVectorsOf(db, plain.map(document), ring) : null;
      const assignments = names.map(
        (n, i) => sql`${sql.identifier(columns[n]!.name)} = v.c${sql.raw(String(i))}`,
      );
      const arrays = names.map((n) => {
        const context = `${name}.${columns[n]!.name}`;
        const values = plain.map((row) =>
          row[n] === null ? null : encryptField(row[n]!, context, ring),
        );
        return sql`${sql.param(values)}::text[]`;
      });
      await db.execute(sql`
        update ${table} set ${sql.join(assignments, sql`, `)}
          ${vectors ? sql`, search = v.search::tsvector` : sql``}
        from unnest(${sql.param(batch.map((r) => r.id))}::uuid[],
                    ${sql.param(batch.map((r) => r.version))}::text[],
                    ${sql.join(arrays, sql`, `)}
                    ${vectors ? sql`, ${sql.param(vectors)}::text[]` : sql``})
          as v(id, version, ${sql.raw(names.map((_, i) => `c${i}`).join(", "))}${sql.raw(vectors ? ", search" : "")})
        where ${table}.id = v.id and ${table}.xmin::text = v.version`);
      done += batch.length;
      report.rows[name] += batch.length;
      options.onProgress?.({ phase: name, done, total });
    }
  }

  const [files] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(attachments);
  const totalFiles = files?.n ?? 0;
  let doneFiles = 0;
  options.onProgress?.({ phase: "files", done: 0, total: totalFiles });
  let after: string | null = null;
  for (;;) {
    const batch = await db
      .select({
        id: attachments.id,
        ownerId: attachments.ownerId,
        storageKey: attachments.storageKey,
      })
      .from(attachments)
      .where(after ? gt(attachments.id, after) : undefined)
      .orderBy(asc(attachments.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    after = batch.at(-1)!.id;
    for (const file of batch) {
      const location = {
        uploadDir: options.uploadDir,
        ownerId: file.ownerId,
        storageKey: file.storageKey,
      };
      const keyId = await storedFileKeyId(location);
      if (keyId === undefined) report.files.missing++;
      else if (keyId === ring.current.id) report.files.current++;
      else {
        await reencryptAttachmentFile(location, ring);
        report.files.reencrypted++;
      }
      options.onProgress?.({ phase: "files", done: ++doneFiles, total: totalFiles });
    }
  }
  return report;
}
