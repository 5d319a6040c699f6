import { randomUUID } from "node:crypto";

import type { Database, Executor } from "@caseward/db";
import { and, asc, eq, inArray, lt, or, preparedQuery, sql } from "@caseward/db";
import type { KeyRing } from "@caseward/db/encryption";
import { DecryptionError, keyRing } from "@caseward/db/encryption";
import { cases, inboundAddresses, inboundMessages, inboundRawChunks } from "@caseward/db/schema";

import {
  FileKeys,
  chunkBytes,
  chunkCount,
  openChunk,
  sealChunk,
} from "../attachments/chunk-cipher";
import { notFound } from "../errors";
import { lookupHashes } from "../encryption/lookup-hash";

// Where a received email is kept until (and after) it is filed. The raw message (its RFC 5322
// bytes, exactly as received) is stored like an attachment's file: chunks of at most 1 MB in
// `inbound_raw_chunks`, each sealed with AES-256-GCM under a key derived for this message
// (attachments/chunk-cipher.ts, part `inbound-raw`, the message's id in place of the
// attachment's). The row and its chunks are written in one statement: the receiver answers
// 250 only after it commits.

/** What the receiver knows of one accepted message for one user. */
export interface ReceivedMessage {
  ownerId: string;
  addressId: string;
  /** The case whose own address it came to (`token+mailkey@…`), or null. */
  caseId: string | null;
  /** MAIL FROM of the SMTP session ("" for a bounce). */
  envelopeFrom: string;
  /**
   * The sending server: its IP address and EHLO name, for SPF when the message is filed
   * (./sender-authentication.ts). Kept encrypted with the message, never logged.
   */
  smtpClient?: SmtpClient | null;
  /** The message's Message-ID header, as written (with or without <>), or null. */
  messageId: string | null;
  raw: Uint8Array;
}

/** The sending server as the SMTP session saw it. */
export interface SmtpClient {
  ip: string;
  helo: string;
}

/**
 * The value the message key is the hash of: the Message-ID without its angle brackets and
 * spaces, else the message's bytes (a message without an id is the same message only when
 * it is the same bytes).
 */
export function messageKeySource(messageId: string | null, raw: Uint8Array): string | Uint8Array {
  const id = messageId
    ?.trim()
    .replace(/^<+|>+$/g, "")
    .trim();
  return id ? `message-id:${id}` : raw;
}

/**
 * The message's address was revoked (or its user deleted) after RCPT accepted it: nothing was
 * stored. The receiver answers 550 as RCPT would have (a recipient found in its short cache
 * may be revoked since).
 */
export class RecipientGoneError extends Error {
  override name = "RecipientGoneError";
  constructor() {
    super("The address this message was sent to no longer takes mail.");
  }
}

/**
 * Stores one received message for one user: its row (state `received`) and its raw bytes,
 * in one statement (atomic on its own: the receiver's 250 waits for one round trip, issue 15's
 * bench). The same message (same Message-ID, or same bytes) already stored for this user is
 * not stored again: `duplicate` is then true and `id` is the first one's. Stored only while
 * its address is active (else `RecipientGoneError`); a case deleted since is forgotten.
 */
export async function storeInboundMessage(
  db: Database,
  message: ReceivedMessage,
  ring: KeyRing = keyRing(),
): Promise<{ id: string; duplicate: boolean }> {
  const [stored] = await storeInboundMessages(db, [message], ring);
  if (!stored) throw new RecipientGoneError();
  return stored;
}

/** What became of one message of `storeInboundMessages`: null when its address is gone. */
export type StoredInbound = { id: string; duplicate: boolean } | null;

/**
 * Stores several received messages (of one user or many) in ONE statement, so one commit:
 * the receiver's group commit (issue 15's bench: one WAL flush and one round trip for all the
 * sessions whose DATA ended meanwhile). Each message as `storeInboundMessage` stores it; the
 * result of each, in order: `{ id, duplicate }`, or null when its address was revoked (or its
 * user deleted) since RCPT. All or nothing: when the statement fails, none of them is stored.
 * The same message twice in one call is stored once (the second is its duplicate).
 */
export async function storeInboundMessages(
  db: Database,
  messages: ReceivedMessage[],
  ring: KeyRing = keyRing(),
): Promise<StoredInbound[]> {
  const results: StoredInbound[] = Array.from({ length: messages.length }, () => null);
  const prepared = messages.map((message) => {
    const source = messageKeySource(message.messageId, message.raw);
    // One HMAC per ring key; the current key's is the first.
    const keys = lookupHashes(source, ring);
    return { message, keys, key: keys[0]! };
  });
  // Stored before a key rotation: its key was made under an older key of the ring. With one
  // key, the insert's conflict below is the check (a round trip less before every 250).
  const earlier = prepared.some(({ keys }) => keys.length > 1)
    ? await storedAsAny(db, prepared)
    : new Map<string, string>();
  const foundIn = (found: Map<string, string>, { message, keys }: (typeof prepared)[number]) =>
    keys.map((key) => found.get(`${message.ownerId} ${key}`)).find(Boolean);
  // The first of each (user, message key) is inserted; a later one in the same call is its
  // duplicate (one statement cannot insert and then conflict with its own row).
  const firstOf = new Map<string, number>();
  const sameAs = new Map<number, number>();
  const inserts: { index: number; id: string; message: ReceivedMessage; key: string }[] = [];
  for (const [index, entry] of prepared.entries()) {
    const found = foundIn(earlier, entry);
    if (found) {
      results[index] = { id: found, duplicate: true };
      continue;
    }
    const same = `${entry.message.ownerId} ${entry.key}`;
    const first = firstOf.get(same);
    if (first !== undefined) {
      sameAs.set(index, first);
      continue;
    }
    firstOf.set(same, index);
    // The id is made here: each chunk's key and associated data are bound to it.
    inserts.push({ index, id: randomUUID(), message: entry.message, key: entry.key });
  }
  // In one order whoever inserts: two batches holding the same two messages (retries on
  // other sessions) then wait on each other's rows in turn, never in a circle.
  inserts.sort((a, b) =>
    a.message.ownerId === b.message.ownerId
      ? a.key.localeCompare(b.key)
      : a.message.ownerId.localeCompare(b.message.ownerId),
  );
  const inserted = new Set(
    inserts.length > 0 ? (await insertMessagesWithRaw(db, inserts, ring)).map((row) => row.id) : [],
  );
  const refused = inserts.filter((insert) => !inserted.has(insert.id));
  for (const insert of inserts) {
    if (inserted.has(insert.id)) results[insert.index] = { id: insert.id, duplicate: false };
  }
  // Not inserted: another delivery of the same message committed first (a duplicate), or
  // its address is gone (null).
  if (refused.length > 0) {
    const stored = await storedAsAny(
      db,
      refused.map((insert) => prepared[insert.index]!),
    );
    for (const insert of refused) {
      const found = foundIn(stored, prepared[insert.index]!);
      results[insert.index] = found ? { id: found, duplicate: true } : null;
    }
  }
  // The same message again in this call: a duplicate of what its first became; when its
  // first was refused (another address of the user, since revoked), its own address may
  // still take it.
  for (const [index, first] of sameAs) {
    const outcome = results[first];
    results[index] = outcome
      ? { id: outcome.id, duplicate: true }
      : await storeInboundMessage(db, prepared[index]!.message, ring).catch((error: unknown) => {
          if (error instanceof RecipientGoneError) return null;
          throw error;
        });
  }
  return results;
}

/** The stored ids of these (user, message key)s, by `${ownerId} ${key}`, in one query. */
async function storedAsAny(db: Executor, entries: { message: ReceivedMessage; keys: string[] }[]) {
  const rows = await db
    .select({
      id: inboundMessages.id,
      ownerId: inboundMessages.ownerId,
      key: inboundMessages.messageKey,
    })
    .from(inboundMessages)
    .where(
      or(
        ...entries.map(({ message, keys }) =>
          and(
            eq(inboundMessages.ownerId, message.ownerId),
            inArray(inboundMessages.messageKey, keys),
          ),
        ),
      ),
    );
  return new Map(rows.map((row) => [`${row.ownerId} ${row.key}`, row.id]));
}

/**
 * The messages' rows and their sealed chunks in one statement: a message's chunks are
 * inserted only when its row is (not a duplicate, its address still active). Its text is
 * built once per shape (messages, chunks) and prepared per connection: drizzle building it
 * for every message cost the receiver more than sealing the message (issue 15's bench
 * profile).
 */
function insertStatement(messages: number, chunks: number) {
  const shape = `${messages} ${chunks}`;
  let statement = insertStatements.get(shape);
  if (statement) return statement;
  const m = inboundMessages;
  const a = inboundAddresses;
  const p = sql.placeholder;
  const rows = Array.from(
    { length: messages },
    (_, i) =>
      sql`(${p(`id${i}`)}::uuid, ${p(`ownerId${i}`)}::text, ${p(`addressId${i}`)}::uuid,
        ${p(`caseId${i}`)}::uuid, ${p(`envelopeFrom${i}`)}::text, ${p(`smtpClient${i}`)}::text,
        ${p(`messageKey${i}`)}::text, ${p(`sizeBytes${i}`)}::int)`,
  );
  const parts = Array.from(
    { length: chunks },
    (_, j) =>
      sql`(${p(`chunkOf${j}`)}::uuid, ${p(`index${j}`)}::int, ${p(`keyId${j}`)}::text,
        ${p(`sealed${j}`)}::bytea)`,
  );
  statement = preparedQuery<{ id: string }>(sql`
    with input (id, owner_id, address_id, case_id, envelope_from, smtp_client, message_key,
      size_bytes) as (values ${sql.join(rows, sql`, `)}
    ), stored as (
      insert into ${m} (id, owner_id, address_id, case_id, envelope_from, smtp_client, message_key,
        size_bytes)
      select input.id, ${a.ownerId}, ${a.id},
        (select ${cases.id} from ${cases}
          where ${cases.id} = input.case_id and ${cases.ownerId} = ${a.ownerId}),
        input.envelope_from, input.smtp_client, input.message_key, input.size_bytes
      from input join ${a} on ${a.id} = input.address_id and ${a.ownerId} = input.owner_id
        and ${a.revokedAt} is null
      on conflict (owner_id, message_key) do nothing
      returning id, owner_id
    ), chunks as (
      insert into ${inboundRawChunks} (inbound_message_id, owner_id, index, key_id, sealed)
      select stored.id, stored.owner_id, part.index, part.key_id, part.sealed
      from stored join (values ${sql.join(parts, sql`, `)}) as part(message_id, index, key_id, sealed)
        on part.message_id = stored.id
    )
    select id from stored`);
  insertStatements.set(shape, statement);
  return statement;
}
const insertStatements = new Map<string, ReturnType<typeof preparedQuery<{ id: string }>>>();

const messageColumns = [
  "id",
  "ownerId",
  "addressId",
  "caseId",
  "envelopeFrom",
  "smtpClient",
  "messageKey",
  "sizeBytes",
];
const chunkColumns = ["chunkOf", "index", "keyId", "sealed"];
const emptyBytes = Buffer.alloc(0);
const paddedCount = (count: number) => 2 ** Math.ceil(Math.log2(Math.max(1, count)));

function insertMessagesWithRaw(
  db: Database,
  inserts: { id: string; message: ReceivedMessage; key: string }[],
  ring: KeyRing,
) {
  const values: Record<string, unknown> = {};
  let chunks = 0;
  for (const [i, { id, message, key }] of inserts.entries()) {
    values[`id${i}`] = id;
    values[`ownerId${i}`] = message.ownerId;
    values[`addressId${i}`] = message.addressId;
    values[`caseId${i}`] = message.caseId;
    // Encrypted as their columns do (null stays null: an `.eml` dropped on a case has none).
    values[`envelopeFrom${i}`] = inboundMessages.envelopeFrom.mapToDriverValue(
      message.envelopeFrom,
    );
    values[`smtpClient${i}`] = message.smtpClient
      ? inboundMessages.smtpClient.mapToDriverValue(message.smtpClient)
      : null;
    values[`messageKey${i}`] = key;
    values[`sizeBytes${i}`] = message.raw.byteLength;
    const keys = new FileKeys(id, ring);
    const count = chunkCount(message.raw.byteLength);
    for (let index = 0; index < count; index++) {
      const plain = message.raw.subarray(index * chunkBytes, (index + 1) * chunkBytes);
      const place = { attachmentId: id, part: "inbound-raw" as const, index, count };
      const { keyId, sealed } = sealChunk(keys, place, plain);
      values[`chunkOf${chunks}`] = id;
      values[`index${chunks}`] = index;
      values[`keyId${chunks}`] = keyId;
      values[`sealed${chunks}`] = sealed;
      chunks++;
    }
  }
  // Padded to the next power of two, rows of nothing (no address, no message: never joined),
  // so that few statement texts serve every batch: each new text is parsed and planned anew
  // on each connection, which cost more than the batching saved (issue 15's bench).
  const messageRows = paddedCount(inserts.length);
  const chunkRows = paddedCount(chunks);
  for (let i = inserts.length; i < messageRows; i++) {
    for (const name of messageColumns) values[`${name}${i}`] = null;
  }
  for (let j = chunks; j < chunkRows; j++) {
    for (const name of chunkColumns) values[`${name}${j}`] = null;
    // A bytes value, as a real chunk's: postgres.js tells PostgreSQL a Buffer's type (bytea)
    // and a null's not, and names its prepared statements by text AND types, so a null here
    // made a new statement (a Parse and a Describe, one more round trip) for every batch size.
    values[`sealed${j}`] = emptyBytes;
  }
  return insertStatement(messageRows, chunkRows)(db, values);
}

/**
 * The raw message (its bytes exactly as received) of one of the user's inbound messages.
 * Another user's message, or none, is NOT_FOUND; a chunk altered, swapped or missing is a
 * `DecryptionError`.
 */
export async function readInboundRaw(
  db: Executor,
  ownerId: string,
  inboundMessageId: string,
  ring: KeyRing = keyRing(),
): Promise<Buffer> {
  const [message] = await db
    .select({ sizeBytes: inboundMessages.sizeBytes })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.id, inboundMessageId), eq(inboundMessages.ownerId, ownerId)));
  if (!message) throw notFound("Email");
  const rows = await db
    .select({
      index: inboundRawChunks.index,
      keyId: inboundRawChunks.keyId,
      sealed: inboundRawChunks.sealed,
    })
    .from(inboundRawChunks)
    .where(
      and(
        eq(inboundRawChunks.inboundMessageId, inboundMessageId),
        eq(inboundRawChunks.ownerId, ownerId),
      ),
    )
    .orderBy(asc(inboundRawChunks.index));
  const count = chunkCount(message.sizeBytes);
  if (rows.length !== count || rows.some((row, i) => row.index !== i)) {
    throw new DecryptionError("A stored email is missing a part.");
  }
  const keys = new FileKeys(inboundMessageId, ring);
  const plain = rows.map((row) =>
    openChunk(
      keys,
      { attachmentId: inboundMessageId, part: "inbound-raw", index: row.index, count },
      row.keyId,
      row.sealed,
    ),
  );
  const raw = Buffer.concat(plain);
  if (raw.byteLength !== message.sizeBytes) {
    throw new DecryptionError("A stored email does not have the size its row says.");
  }
  return raw;
}

/** Ids of messages stored but not filed yet, received before `olderThan` (the reconciler). */
export async function unfiledInboundMessages(db: Executor, olderThan: Date, limit = 500) {
  const rows = await db
    .select({ id: inboundMessages.id })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.state, "received"), lt(inboundMessages.receivedAt, olderThan)))
    .orderBy(asc(inboundMessages.receivedAt))
    .limit(limit);
  return rows.map((row) => row.id);
}
