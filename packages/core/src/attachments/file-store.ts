import type { Executor } from "@caseward/db";
import { and, eq } from "@caseward/db";
import type { KeyRing } from "@caseward/db/encryption";
import { DecryptionError } from "@caseward/db/encryption";
import { fileChunks } from "@caseward/db/schema";
import type { FilePart } from "@caseward/db/vocabulary";

import { FileKeys, chunkBytes, chunkCount, openChunk, sealChunk } from "./chunk-cipher";

// Files live in PostgreSQL (`file_chunks`), so any web process on any machine serves any file
// and a file goes with its attachment row. This module is the only one that reads or writes
// the chunks; chunk-cipher.ts says how each is sealed.

/** One part of one attachment's stored file. */
export interface StoredFile {
  attachmentId: string;
  ownerId: string;
  part: FilePart;
  /** The part's plaintext size, from the attachment's row. */
  sizeBytes: number;
}

/** Inclusive byte positions, as in an HTTP range. */
export interface ByteRange {
  start: number;
  end: number;
}

/** The database could not be reached while a file was read: try again later (HTTP 503). */
export class FileUnavailableError extends Error {
  override name = "FileUnavailableError";
  constructor() {
    super("Files cannot be read right now.");
  }
}

// postgres.js connection errors, and the SQLSTATEs of a server that is down or going down:
// class 08 (connection exception), 57P01–57P03 (shutdown, crash, not accepting connections).
// https://www.postgresql.org/docs/current/errcodes-appendix.html
const connectionErrorCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01",
  "57P02",
  "57P03",
]);

/** Whether an error (or one of its causes) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, hops = 0; e instanceof Error && hops < 10; e = e.cause, hops++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (connectionErrorCodes.has(code) || code.startsWith("08"))) {
      return true;
    }
  }
  return false;
}

/**
 * Stores one part of a file: its chunks, each sealed under the ring's current key. Run it in
 * the transaction that writes the attachment's row: the file is then stored whole or not at
 * all. One chunk is encrypted and sent at a time.
 */
export async function writeFileChunks(
  tx: Executor,
  file: Omit<StoredFile, "sizeBytes">,
  content: Uint8Array,
  ring?: KeyRing,
) {
  const keys = new FileKeys(file.attachmentId, ring);
  const count = chunkCount(content.byteLength);
  for (let index = 0; index < count; index++) {
    const plain = content.subarray(index * chunkBytes, (index + 1) * chunkBytes);
    const { keyId, sealed } = sealChunk(keys, { ...file, index, count }, plain);
    await tx.insert(fileChunks).values({ ...file, index, keyId, sealed });
  }
}

/** A chunk's plaintext, checked against where it belongs and how long it must be. */
async function readChunk(db: Executor, file: StoredFile, keys: FileKeys, index: number) {
  const count = chunkCount(file.sizeBytes);
  let row: { keyId: string; sealed: Buffer } | undefined;
  try {
    [row] = await db
      .select({ keyId: fileChunks.keyId, sealed: fileChunks.sealed })
      .from(fileChunks)
      .where(
        and(
          eq(fileChunks.attachmentId, file.attachmentId),
          eq(fileChunks.ownerId, file.ownerId),
          eq(fileChunks.part, file.part),
          eq(fileChunks.index, index),
        ),
      );
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new FileUnavailableError();
    throw error;
  }
  if (!row) throw new DecryptionError("A stored file is missing a chunk.");
  const plain = openChunk(keys, { ...file, index, count }, row.keyId, row.sealed);
  const expected = index < count - 1 ? chunkBytes : file.sizeBytes - (count - 1) * chunkBytes;
  if (plain.byteLength !== expected) {
    throw new DecryptionError("A stored file does not have the size its row says.");
  }
  return plain;
}

/**
 * A stored part (or a range of it) as a web stream, decrypted one chunk at a time as the
 * reader asks for more: a 25 MB download holds a chunk or two in memory, never the file, and
 * each chunk is one short query (a slow reader holds no connection). The first chunk is read
 * before this returns, so a missing or damaged file, or a database that is down, fails before
 * any response starts. A failure later on errors the stream: the response is cut short and
 * the client sees an incomplete download, never wrong bytes.
 */
export async function readFileChunks(
  db: Executor,
  file: StoredFile,
  range?: ByteRange,
  ring?: KeyRing,
): Promise<ReadableStream<Uint8Array>> {
  const keys = new FileKeys(file.attachmentId, ring);
  const count = chunkCount(file.sizeBytes);
  const first = range ? Math.floor(range.start / chunkBytes) : 0;
  const last = range ? Math.min(count - 1, Math.floor(range.end / chunkBytes)) : count - 1;
  const sliced = async (index: number) => {
    const plain = await readChunk(db, file, keys, index);
    if (!range) return plain;
    const at = index * chunkBytes;
    return plain.subarray(Math.max(0, range.start - at), range.end - at + 1);
  };
  const head = await sliced(first);
  let next = first + 1;
  const view = (bytes: Buffer) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(view(head));
      if (next > last) controller.close();
    },
    async pull(controller) {
      const plain = await sliced(next++);
      controller.enqueue(view(plain));
      if (next > last) controller.close();
    },
  });
}

/** A whole stored part in memory (small parts: thumbnails; tests). */
export async function readWholeFile(db: Executor, file: StoredFile, ring?: KeyRing) {
  const stream = await readFileChunks(db, file, undefined, ring);
  return Buffer.from(await new Response(stream).arrayBuffer());
}
