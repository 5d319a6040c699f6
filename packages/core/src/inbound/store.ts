import type { Database, Executor } from "@caseward/db";
import { and, asc, eq, inArray, lt } from "@caseward/db";
import type { KeyRing } from "@caseward/db/encryption";
import { DecryptionError, keyRing } from "@caseward/db/encryption";
import { inboundMessages, inboundRawChunks } from "@caseward/db/schema";

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
// attachment's). The row and its chunks are written in one transaction: the receiver answers
// 250 only after it commits.

/** What the receiver knows of one accepted message for one user. */
export interface ReceivedMessage {
  ownerId: string;
  addressId: string;
  /** The case whose own address it came to (`token+mailkey@…`), or null. */
  caseId: string | null;
  /** MAIL FROM of the SMTP session ("" for a bounce). */
  envelopeFrom: string;
  /** The message's Message-ID header, as written (with or without <>), or null. */
  messageId: string | null;
  raw: Uint8Array;
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
 * Stores one received message for one user: its row (state `received`) and its raw bytes,
 * in one transaction. The same message (same Message-ID, or same bytes) already stored for
 * this user is not stored again: `duplicate` is then true and `id` is the first one's.
 */
export async function storeInboundMessage(
  db: Database,
  message: ReceivedMessage,
  ring: KeyRing = keyRing(),
): Promise<{ id: string; duplicate: boolean }> {
  const source = messageKeySource(message.messageId, message.raw);
  const keys = lookupHashes(source, ring);
  return db.transaction(async (tx) => {
    // Stored before a key rotation: its key was made under an older key of the ring. With one
    // key, the insert's conflict below is the check (a round trip less before every 250).
    if (keys.length > 1) {
      const [earlier] = await tx
        .select({ id: inboundMessages.id })
        .from(inboundMessages)
        .where(
          and(
            eq(inboundMessages.ownerId, message.ownerId),
            inArray(inboundMessages.messageKey, keys),
          ),
        )
        .limit(1);
      if (earlier) return { id: earlier.id, duplicate: true };
    }
    const [row] = await tx
      .insert(inboundMessages)
      .values({
        ownerId: message.ownerId,
        addressId: message.addressId,
        caseId: message.caseId,
        envelopeFrom: message.envelopeFrom,
        messageKey: currentLookupHash(source, ring),
        sizeBytes: message.raw.byteLength,
      })
      .onConflictDoNothing({ target: [inboundMessages.ownerId, inboundMessages.messageKey] })
      .returning({ id: inboundMessages.id });
    if (!row) {
      // Another delivery of the same message committed in between.
      const [other] = await tx
        .select({ id: inboundMessages.id })
        .from(inboundMessages)
        .where(
          and(
            eq(inboundMessages.ownerId, message.ownerId),
            inArray(inboundMessages.messageKey, keys),
          ),
        );
      if (!other) throw new Error("An inbound message was neither stored nor found.");
      return { id: other.id, duplicate: true };
    }
    await writeInboundRaw(tx, message.ownerId, row.id, message.raw, ring);
    return { id: row.id, duplicate: false };
  });
}

/** Writes the raw bytes of an inbound message (in the transaction that inserts its row). */
async function writeInboundRaw(
  tx: Executor,
  ownerId: string,
  inboundMessageId: string,
  raw: Uint8Array,
  ring: KeyRing,
) {
  const keys = new FileKeys(inboundMessageId, ring);
  const count = chunkCount(raw.byteLength);
  for (let index = 0; index < count; index++) {
    const plain = raw.subarray(index * chunkBytes, (index + 1) * chunkBytes);
    const place = { attachmentId: inboundMessageId, part: "inbound-raw" as const, index, count };
    const { keyId, sealed } = sealChunk(keys, place, plain);
    await tx.insert(inboundRawChunks).values({ inboundMessageId, ownerId, index, keyId, sealed });
  }
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
