import type { Database, SQL } from "@caseward/db";
import { and, asc, eq, gt, isNotNull, isNull, ne, or, sql } from "@caseward/db";
import type { KeyRing } from "@caseward/db/encryption";
import { decryptField, encryptField, encryptedPrefix, keyRing } from "@caseward/db/encryption";
import {
  attachments,
  auditEvents,
  breaches,
  cases,
  channels,
  contacts,
  disclosures,
  fileChunks,
  inboundAddresses,
  inboundMessages,
  inboundRawChunks,
  notifications,
  privacyAnswers,
  questions,
  senderAddresses,
  userSettings,
} from "@caseward/db/schema";
import type { FilePart } from "@caseward/db/vocabulary";

import { FileKeys, chunkCount, openChunk, sealChunk } from "../attachments/chunk-cipher";
import { contentHash, contentHashOfSha256, isPlainSha256 } from "../attachments/content-hash";
import { readWholeFile } from "../attachments/file-store";
import { currentLookupHash } from "./lookup-hash";
import {
  caseDocument,
  contactDocument,
  questionDocument,
  searchVectorsOf,
} from "../search/search-index";

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
      representativeId: contacts.representativeId,
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
    columns: { title: cases.title, description: cases.description, closingNote: cases.closingNote },
    document: caseDocument as (row: Record<string, string | null>) => string,
  },
  disclosures: {
    table: disclosures,
    columns: { reason: disclosures.reason, detail: disclosures.detail },
    document: null,
  },
  channels: {
    table: channels,
    columns: { label: channels.label, statusReason: channels.statusReason },
    document: null,
  },
  attachments: {
    table: attachments,
    columns: { fileName: attachments.fileName },
    document: null,
  },
  privacy_answers: {
    table: privacyAnswers,
    columns: { note: privacyAnswers.note, sourceUrl: privacyAnswers.sourceUrl },
    document: null,
  },
  breaches: {
    table: breaches,
    columns: { source: breaches.source, note: breaches.note },
    document: null,
  },
  notifications: {
    table: notifications,
    columns: { lastError: notifications.lastError },
    document: null,
  },
  audit_events: {
    table: auditEvents,
    columns: { detail: auditEvents.detail },
    document: null,
  },
  inbound_addresses: {
    table: inboundAddresses,
    columns: { token: inboundAddresses.token },
    document: null,
  },
  inbound_messages: {
    table: inboundMessages,
    columns: {
      envelopeFrom: inboundMessages.envelopeFrom,
      fromAddress: inboundMessages.fromAddress,
      subject: inboundMessages.subject,
    },
    document: null,
  },
  sender_addresses: {
    table: senderAddresses,
    columns: { address: senderAddresses.address },
    document: null,
  },
  user_settings: {
    table: userSettings,
    columns: { calendarToken: userSettings.calendarToken },
    document: null,
  },
} as const;
type EncryptedTable = keyof typeof encryptedColumns;

export interface RotationProgress {
  /**
   * What is being re-encrypted: a table name, "files" (counted in chunks of 1 MB), "emails"
   * (received emails' raw bytes, in chunks), "addresses" (the lookup hashes of inbound
   * addresses' tokens) or "file hashes" (the keyed hashes of attachments' content).
   */
  phase: EncryptedTable | "files" | "emails" | "addresses" | "file hashes";
  done: number;
  total: number;
}

export interface RotationReport {
  rows: Record<EncryptedTable, number>;
  files: {
    /** Chunks of stored files (and thumbnails) re-encrypted. */
    reencryptedChunks: number;
    /** Files still on disk, not moved into the database yet: `pnpm files:migrate` first. */
    onDisk: number;
    /** Attachments whose content hash was made again under the current key. */
    rehashed: number;
  };
  inbound: {
    /** Chunks of received emails' raw bytes re-encrypted. */
    reencryptedChunks: number;
    /** Inbound addresses whose token hash was made again under the current key. */
    rehashedTokens: number;
  };
  /** Calendar feed tokens whose keyed hash was made (stored before it) or made again. */
  calendarTokens: number;
}

// Any of the columns above: all are encrypted text, so one column's type stands for them.
type Column = typeof contacts.notes;

// Not under the current key: another key's value, or plaintext stored before encryption.
const staleValue = (column: SQL | Column, currentPrefix: string) =>
  sql`(${column} is not null and left(${column}, ${currentPrefix.length}) <> ${currentPrefix})`;

// Plaintext stored before its column was encrypted.
const plainValue = (column: SQL | Column) =>
  sql`(${column} is not null and left(${column}, ${encryptedPrefix.length}) <> ${encryptedPrefix})`;

/**
 * How a table's rows are walked: by id, or by physical place (ctid) for a table keyed by
 * several columns (privacy answers). A row updated meanwhile moves and fails the version check.
 */
function rowKeyOf(table: (typeof encryptedColumns)[EncryptedTable]["table"]) {
  return "id" in table
    ? { expr: sql`${table.id}`, type: sql.raw("uuid") }
    : { expr: sql`${table}.ctid`, type: sql.raw("tid") };
}

/**
 * Re-encrypts every value and every chunk of every stored file that is not under the ring's
 * current key (and plaintext stored before encryption), recomputing the search tokens of those
 * rows. In batches, walking each table by its key (keyset pagination); a row changed by the app
 * meanwhile (another xmin, another key id) is left for the next run, which only does what is
 * left: safe to interrupt and run again. With `plaintextOnly`, only values stored before their
 * column was encrypted are (and plain content hashes made keyed): what an upgrade needs, run at
 * start (`encryptPlaintextRows`).
 */
export async function rotateEncryptionKeys(
  db: Database,
  options: {
    batchSize?: number;
    onProgress?: (progress: RotationProgress) => void;
    ring?: KeyRing;
    plaintextOnly?: boolean;
  } = {},
): Promise<RotationReport> {
  const ring = options.ring ?? keyRing();
  const batchSize = options.batchSize ?? 500;
  const currentPrefix = `${encryptedPrefix}${ring.current.id}:`;
  const names = Object.keys(encryptedColumns) as EncryptedTable[];
  const report: RotationReport = {
    rows: Object.fromEntries(names.map((name) => [name, 0])) as Record<EncryptedTable, number>,
    files: { reencryptedChunks: 0, onDisk: 0, rehashed: 0 },
    inbound: { reencryptedChunks: 0, rehashedTokens: 0 },
    calendarTokens: 0,
  };
  const isStale = (column: Column) =>
    options.plaintextOnly ? plainValue(column) : staleValue(column, currentPrefix);

  for (const name of names) {
    const { table, document } = encryptedColumns[name];
    const columns = encryptedColumns[name].columns as unknown as Record<string, Column>;
    const fields = Object.keys(columns);
    const key = rowKeyOf(table);
    const stale = or(...Object.values(columns).map(isStale))!;
    const [counted] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(table)
      .where(stale);
    const total = counted?.n ?? 0;
    let done = 0;
    options.onProgress?.({ phase: name, done, total });
    if (total === 0) continue;
    let after: string | null = null;
    for (;;) {
      // The stored text as it is (no decryption by the column type): `sql` without mapWith.
      const raw = Object.fromEntries(fields.map((n) => [n, sql<string | null>`${columns[n]!}`]));
      const batch: ({ id: string; version: string } & Record<string, string | null>)[] = await db
        .select({
          id: sql<string>`${key.expr}::text`,
          version: sql<string>`${table}.xmin::text`,
          ...raw,
        })
        .from(table)
        .where(and(stale, after ? sql`${key.expr} > ${after}::${key.type}` : undefined))
        .orderBy(key.expr)
        .limit(batchSize);
      if (batch.length === 0) break;
      after = batch.at(-1)!.id;
      const plain = batch.map((row) =>
        Object.fromEntries(
          fields.map((n) => {
            const stored = row[n] ?? null;
            const context = `${name}.${columns[n]!.name}`;
            return [n, stored === null ? null : decryptField(stored, context, ring)];
          }),
        ),
      );
      const vectors = document ? await searchVectorsOf(db, plain.map(document), ring) : null;
      const assignments = fields.map(
        (n, i) => sql`${sql.identifier(columns[n]!.name)} = v.c${sql.raw(String(i))}`,
      );
      const arrays = fields.map((n) => {
        const context = `${name}.${columns[n]!.name}`;
        const values = plain.map((row) =>
          row[n] === null ? null : encryptField(row[n]!, context, ring),
        );
        return sql`${sql.param(values)}::text[]`;
      });
      await db.execute(sql`
        update ${table} set ${sql.join(assignments, sql`, `)}
          ${vectors ? sql`, search = v.search::tsvector` : sql``}
        from unnest(${sql.param(batch.map((r) => r.id))}::${key.type}[],
                    ${sql.param(batch.map((r) => r.version))}::text[],
                    ${sql.join(arrays, sql`, `)}
                    ${vectors ? sql`, ${sql.param(vectors)}::text[]` : sql``})
          as v(id, version, ${sql.raw(fields.map((_, i) => `c${i}`).join(", "))}${sql.raw(vectors ? ", search" : "")})
        where ${key.expr} = v.id and ${table}.xmin::text = v.version`);
      done += batch.length;
      report.rows[name] += batch.length;
      options.onProgress?.({ phase: name, done, total });
    }
  }

  const rehashed = await rehashFileContents(db, ring, options);
  report.calendarTokens = await rehashCalendarTokens(db, ring);
  if (options.plaintextOnly) {
    report.files.rehashed = rehashed;
    return report;
  }
  report.files = {
    ...(await rotateFileChunks(db, ring, Math.min(batchSize, 8), options.onProgress)),
    rehashed,
  };
  report.inbound = {
    reencryptedChunks: await rotateInboundChunks(
      db,
      ring,
      Math.min(batchSize, 8),
      options.onProgress,
    ),
    rehashedTokens: await rehashInboundTokens(db, ring, batchSize, options.onProgress),
  };
  return report;
}

/**
 * Encrypts what an install upgraded from an older version still holds in the clear: values of
 * columns encrypted since (migration 0012: case titles, file names, privacy notes…) and plain
 * SHA-256 content hashes. Run after the migrations at every start; with nothing left it only
 * counts. Values under an older key are left to `pnpm keys:rotate`.
 */
export const encryptPlaintextRows = (
  db: Database,
  options: { ring?: KeyRing; onProgress?: (progress: RotationProgress) => void } = {},
) => rotateEncryptionKeys(db, { ...options, plaintextOnly: true });

/**
 * Each attachment's content hash not made under the current key, made again: a plain SHA-256
 * (stored before keyed hashes) from itself, a keyed one from the file's bytes, read from the
 * database (a rotation reads every chunk anyway). A file still on disk keeps its hash until
 * `pnpm files:migrate` moves it. With `plaintextOnly`, only plain SHA-256s.
 */
async function rehashFileContents(
  db: Database,
  ring: KeyRing,
  options: { plaintextOnly?: boolean; onProgress?: (progress: RotationProgress) => void },
): Promise<number> {
  const plain = sql`${attachments.sha256} ~ '^[0-9a-f]{64}$'`;
  const stale = options.plaintextOnly
    ? plain
    : or(
        plain,
        and(
          sql`left(${attachments.sha256}, ${ring.current.id.length + 1}) <> ${`${ring.current.id}.`}`,
          isNull(attachments.storageKey),
        ),
      )!;
  const [counted] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(attachments)
    .where(stale);
  const total = counted?.n ?? 0;
  let done = 0;
  options.onProgress?.({ phase: "file hashes", done, total });
  let after: string | null = null;
  while (done < total) {
    const batch = await db
      .select({
        id: attachments.id,
        ownerId: attachments.ownerId,
        sizeBytes: attachments.sizeBytes,
        sha256: attachments.sha256,
      })
      .from(attachments)
      .where(and(stale, after ? gt(attachments.id, after) : undefined))
      .orderBy(asc(attachments.id))
      .limit(50);
    if (batch.length === 0) break;
    after = batch.at(-1)!.id;
    for (const row of batch) {
      const hash = isPlainSha256(row.sha256)
        ? contentHashOfSha256(row.sha256, ring)
        : contentHash(
            await readWholeFile(
              db,
              {
                attachmentId: row.id,
                ownerId: row.ownerId,
                part: "content",
                sizeBytes: row.sizeBytes,
              },
              ring,
            ),
            ring,
          );
      await db
        .update(attachments)
        .set({ sha256: hash })
        .where(and(eq(attachments.id, row.id), eq(attachments.sha256, row.sha256)));
      done++;
    }
    options.onProgress?.({ phase: "file hashes", done, total });
  }
  return done;
}

/**
 * The raw bytes of received emails under another key, opened and sealed again under the
 * current one, as `rotateFileChunks` does for files. (An inbound message's `message_key` is
 * not made again: a duplicate delivery is recognised under any key of the ring, and a
 * message delivered again after its key left the ring is simply stored a second time.)
 */
async function rotateInboundChunks(
  db: Database,
  ring: KeyRing,
  batchSize: number,
  onProgress: ((progress: RotationProgress) => void) | undefined,
): Promise<number> {
  const stale = ne(inboundRawChunks.keyId, ring.current.id);
  const [counted] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(inboundRawChunks)
    .where(stale);
  const total = counted?.n ?? 0;
  let done = 0;
  onProgress?.({ phase: "emails", done, total });
  let after: { id: string; index: number } | null = null;
  type Chunk = {
    inboundMessageId: string;
    index: number;
    keyId: string;
    sealed: Buffer;
    sizeBytes: number;
  };
  for (;;) {
    const batch: Chunk[] = await db
      .select({
        inboundMessageId: inboundRawChunks.inboundMessageId,
        index: inboundRawChunks.index,
        keyId: inboundRawChunks.keyId,
        sealed: inboundRawChunks.sealed,
        sizeBytes: inboundMessages.sizeBytes,
      })
      .from(inboundRawChunks)
      .innerJoin(
        inboundMessages,
        and(
          eq(inboundMessages.id, inboundRawChunks.inboundMessageId),
          eq(inboundMessages.ownerId, inboundRawChunks.ownerId),
        ),
      )
      .where(
        and(
          stale,
          after
            ? sql`(${inboundRawChunks.inboundMessageId}, ${inboundRawChunks.index}) > (${after.id}::uuid, ${after.index})`
            : undefined,
        ),
      )
      .orderBy(asc(inboundRawChunks.inboundMessageId), asc(inboundRawChunks.index))
      .limit(batchSize);
    if (batch.length === 0) break;
    const last = batch.at(-1)!;
    after = { id: last.inboundMessageId, index: last.index };
    for (const chunk of batch) {
      const keys = new FileKeys(chunk.inboundMessageId, ring);
      const place = {
        attachmentId: chunk.inboundMessageId,
        part: "inbound-raw" as const,
        index: chunk.index,
        count: chunkCount(chunk.sizeBytes),
      };
      const resealed = sealChunk(keys, place, openChunk(keys, place, chunk.keyId, chunk.sealed));
      await db
        .update(inboundRawChunks)
        .set(resealed)
        .where(
          and(
            eq(inboundRawChunks.inboundMessageId, chunk.inboundMessageId),
            eq(inboundRawChunks.index, chunk.index),
            eq(inboundRawChunks.keyId, chunk.keyId),
          ),
        );
    }
    done += batch.length;
    onProgress?.({ phase: "emails", done, total });
  }
  return done;
}

/**
 * Every inbound address's token hash made under another key, made again under the current
 * one from the (decrypted) token, so the address keeps working once the old key leaves the
 * ring. Runs after the rows: the token is then under the current key too.
 */
async function rehashInboundTokens(
  db: Database,
  ring: KeyRing,
  batchSize: number,
  onProgress: ((progress: RotationProgress) => void) | undefined,
): Promise<number> {
  const stale = sql`left(${inboundAddresses.tokenHash}, ${ring.current.id.length + 1}) <> ${`${ring.current.id}.`}`;
  const [counted] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(inboundAddresses)
    .where(stale);
  const total = counted?.n ?? 0;
  let done = 0;
  onProgress?.({ phase: "addresses", done, total });
  let after: string | null = null;
  for (;;) {
    const batch = await db
      .select({
        id: inboundAddresses.id,
        token: sql<string>`${inboundAddresses.token}`,
        tokenHash: inboundAddresses.tokenHash,
      })
      .from(inboundAddresses)
      .where(and(stale, after ? gt(inboundAddresses.id, after) : undefined))
      .orderBy(asc(inboundAddresses.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    after = batch.at(-1)!.id;
    for (const row of batch) {
      const token = decryptField(row.token, "inbound_addresses.token", ring);
      await db
        .update(inboundAddresses)
        .set({ tokenHash: currentLookupHash(token, ring) })
        .where(and(eq(inboundAddresses.id, row.id), eq(inboundAddresses.tokenHash, row.tokenHash)));
    }
    done += batch.length;
    onProgress?.({ phase: "addresses", done, total });
  }
  return done;
}

/**
 * Every calendar feed token with no keyed hash (stored before there was one) or one made under
 * another key gets its hash made under the current key from the (decrypted) token. Runs after
 * the rows; one row per user at most, so in one pass.
 */
async function rehashCalendarTokens(db: Database, ring: KeyRing): Promise<number> {
  const rows = await db
    .select({
      userId: userSettings.userId,
      token: sql<string>`${userSettings.calendarToken}`,
      hash: userSettings.calendarTokenHash,
    })
    .from(userSettings)
    .where(
      and(
        isNotNull(userSettings.calendarToken),
        or(
          isNull(userSettings.calendarTokenHash),
          sql`left(${userSettings.calendarTokenHash}, ${ring.current.id.length + 1}) <> ${`${ring.current.id}.`}`,
        ),
      ),
    );
  for (const row of rows) {
    const token = decryptField(row.token, "user_settings.calendar_token", ring);
    await db
      .update(userSettings)
      .set({ calendarTokenHash: currentLookupHash(token, ring) })
      .where(
        and(
          eq(userSettings.userId, row.userId),
          row.hash === null
            ? isNull(userSettings.calendarTokenHash)
            : eq(userSettings.calendarTokenHash, row.hash),
        ),
      );
  }
  return rows.length;
}

/**
 * Every chunk of a stored file (or thumbnail) under another key, opened and sealed again
 * under the current one, a few chunks (of 1 MB) at a time. Each update only applies while the
 * chunk still has the key it was read with.
 */
async function rotateFileChunks(
  db: Database,
  ring: KeyRing,
  batchSize: number,
  onProgress: ((progress: RotationProgress) => void) | undefined,
): Promise<Omit<RotationReport["files"], "rehashed">> {
  const stale = ne(fileChunks.keyId, ring.current.id);
  const [counted] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(fileChunks)
    .where(stale);
  const [onDisk] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(attachments)
    .where(isNotNull(attachments.storageKey));
  const total = counted?.n ?? 0;
  let done = 0;
  onProgress?.({ phase: "files", done, total });
  let after: ChunkKey | null = null;
  for (;;) {
    const batch = await staleChunks(db, ring, after, batchSize);
    if (batch.length === 0) break;
    const { attachmentId, part, index } = batch.at(-1)!;
    after = { attachmentId, part, index };
    for (const chunk of batch) {
      const keys = new FileKeys(chunk.attachmentId, ring);
      const size = chunk.part === "content" ? chunk.sizeBytes : (chunk.thumbnailBytes ?? 0);
      const place = { ...chunk, count: chunkCount(size) };
      const resealed = sealChunk(keys, place, openChunk(keys, place, chunk.keyId, chunk.sealed));
      await db
        .update(fileChunks)
        .set(resealed)
        .where(
          and(
            eq(fileChunks.attachmentId, chunk.attachmentId),
            eq(fileChunks.part, chunk.part),
            eq(fileChunks.index, chunk.index),
            eq(fileChunks.keyId, chunk.keyId),
          ),
        );
    }
    done += batch.length;
    onProgress?.({ phase: "files", done, total });
  }
  return { reencryptedChunks: done, onDisk: onDisk?.n ?? 0 };
}

interface ChunkKey {
  attachmentId: string;
  part: FilePart;
  index: number;
}

/** The next chunks under another key than the current one, after `position` in key order. */
function staleChunks(db: Database, ring: KeyRing, position: ChunkKey | null, limit: number) {
  return db

    .select({
      attachmentId: fileChunks.attachmentId,
      part: fileChunks.part,
      index: fileChunks.index,
      keyId: fileChunks.keyId,
      sealed: fileChunks.sealed,
      sizeBytes: attachments.sizeBytes,
      thumbnailBytes: attachments.thumbnailBytes,
    })
    .from(fileChunks)
    .innerJoin(
      attachments,
      and(eq(attachments.id, fileChunks.attachmentId), eq(attachments.ownerId, fileChunks.ownerId)),
    )
    .where(
      and(
        ne(fileChunks.keyId, ring.current.id),
        position
          ? sql`(${fileChunks.attachmentId}, ${fileChunks.part}, ${fileChunks.index}) > (${position.attachmentId}::uuid, ${position.part}::file_part, ${position.index})`
          : undefined,
      ),
    )
    .orderBy(asc(fileChunks.attachmentId), asc(fileChunks.part), asc(fileChunks.index))
    .limit(limit);
}
