import { randomUUID } from "node:crypto";

import type { Database, Executor } from "@caseward/db";
import { and, asc, eq, inArray, lt, preparedQuery, sql } from "@caseward/db";
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
import { currentLookupHash, lookupHashes } from "../encryption/lookup-hash";

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
  const source = messageKeySource(message.messageId, message.raw);
  const keys = lookupHashes(source, ring);
  // Stored before a key rotation: its key was made under an older key of the ring. With one
  // key, the insert's conflict below is the check (a round trip less before every 250).
  if (keys.length > 1) {
    const earlier = await storedAs(db, message.ownerId, keys);
    if (earlier) return { id: earlier, duplicate: true };
  }
  // The id is made here: each chunk's key and associated data are bound to it.
  const id = randomUUID();
  const [row] = await insertMessageWithRaw(db, id, message, currentLookupHash(source, ring), ring);
  if (row) return { id: row.id, duplicate: false };
  // Another delivery of the same message committed first, or the address is gone.
  const other = await storedAs(db, message.ownerId, keys);
  if (!other) throw new RecipientGoneError();
  return { id: other, duplicate: true };
}

async function storedAs(db: Executor, ownerId: string, keys: string[]) {
  const [row] = await db
    .select({ id: inboundMessages.id })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.ownerId, ownerId), inArray(inboundMessages.messageKey, keys)))
    .limit(1);
  return row?.id;
}

/**
 * The message's row and its sealed chunks in one statement: the chunks are inserted only when
 * the row is (not a duplicate, its address still active). Its text is built once per chunk
 * count and prepared per connection: drizzle building it for every message cost the receiver
 * more than sealing the message (issue 15's bench profile).
 */
function insertStatement(count: number) {
  let statement = insertStatements.get(count);
  if (statement) return statement;
  const m = inboundMessages;
  const a = inboundAddresses;
  const p = sql.placeholder;
  const chunks = Array.from(
    { length: count },
    (_, index) => sql`(${index}::int, ${p(`keyId${index}`)}::text, ${p(`sealed${index}`)}::bytea)`,
  );
  statement = preparedQuery<{ id: string }>(sql`
    with stored as (
      insert into ${m} (id, owner_id, address_id, case_id, envelope_from, smtp_client, message_key,
        size_bytes)
      select ${p("id")}::uuid, ${a.ownerId}, ${a.id},
        (select ${cases.id} from ${cases}
          where ${cases.id} = ${p("caseId")}::uuid and ${cases.ownerId} = ${a.ownerId}),
        ${sql.param(p("envelopeFrom"), m.envelopeFrom)}, ${p("smtpClient")},
        ${p("messageKey")}, ${p("sizeBytes")}::int
      from ${a}
      where ${a.id} = ${p("addressId")}::uuid and ${a.ownerId} = ${p("ownerId")}
        and ${a.revokedAt} is null
      on conflict (owner_id, message_key) do nothing
      returning id
    ), chunks as (
      insert into ${inboundRawChunks} (inbound_message_id, owner_id, index, key_id, sealed)
      select stored.id, ${p("ownerId")}, part.index, part.key_id, part.sealed
      from stored cross join (values ${sql.join(chunks, sql`, `)}) as part(index, key_id, sealed)
    )
    select id from stored`);
  insertStatements.set(count, statement);
  return statement;
}
const insertStatements = new Map<number, ReturnType<typeof preparedQuery<{ id: string }>>>();

function insertMessageWithRaw(
  db: Database,
  id: string,
  message: ReceivedMessage,
  messageKey: string,
  ring: KeyRing,
) {
  const keys = new FileKeys(id, ring);
  const count = chunkCount(message.raw.byteLength);
  const values: Record<string, unknown> = {
    id,
    ownerId: message.ownerId,
    addressId: message.addressId,
    caseId: message.caseId,
    envelopeFrom: message.envelopeFrom,
    // Encrypted as its column does (null stays null: an `.eml` dropped on a case has none).
    smtpClient: message.smtpClient
      ? inboundMessages.smtpClient.mapToDriverValue(message.smtpClient)
      : null,
    messageKey,
    sizeBytes: message.raw.byteLength,
  };
  for (let index = 0; index < count; index++) {
    const plain = message.raw.subarray(index * chunkBytes, (index + 1) * chunkBytes);
    const place = { attachmentId: id, part: "inbound-raw" as const, index, count };
    const { keyId, sealed } = sealChunk(keys, place, plain);
    values[`keyId${index}`] = keyId;
    values[`sealed${index}`] = sealed;
  }
  return insertStatement(count)(db, values);
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
