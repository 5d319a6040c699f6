import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

import type { KeyRing } from "@caseward/db/encryption";
import { DecryptionError, keyRing } from "@caseward/db/encryption";

// An uploaded file on disk: a header, then the content in chunks, each sealed on its own
// (AES-256-GCM), so a byte range is served by decrypting only the chunks it spans.
//   header  "CWF1" | key id length (1 byte) | key id | salt (16 bytes)
//   chunk i AES-256-GCM(chunk of `chunkBytes`) | tag (16 bytes)
// Each file gets its own key, HKDF(ring key, salt): chunk numbers can then serve as IVs. The
// header and a "last chunk" flag are authenticated with every chunk, so chunks cannot be
// reordered, dropped from the end, or moved to another file.

const magic = Buffer.from("CWF1", "latin1");
const saltBytes = 16;
const tagBytes = 16;
export const chunkBytes = 64 * 1024;
const sealedChunkBytes = chunkBytes + tagBytes;

export interface FileHeader {
  keyId: string;
  salt: Buffer;
  /** The header's bytes, authenticated with every chunk. */
  bytes: Buffer;
}

/** Whether stored bytes begin like an encrypted file (files stored before encryption do not). */
export const isEncryptedFile = (start: Uint8Array) =>
  start.length >= magic.length && magic.equals(Buffer.from(start.subarray(0, magic.length)));

/** Reads the header at the start of a stored file; null for a file stored before encryption. */
export function parseFileHeader(start: Uint8Array): FileHeader | null {
  if (!isEncryptedFile(start)) return null;
  const idLength = start[magic.length];
  const end = magic.length + 1 + (idLength ?? 0) + saltBytes;
  if (idLength === undefined || start.length < end) {
    throw new DecryptionError("A stored file's header is damaged.");
  }
  const bytes = Buffer.from(start.subarray(0, end));
  return {
    keyId: bytes.subarray(magic.length + 1, magic.length + 1 + idLength).toString("utf8"),
    salt: bytes.subarray(end - saltBytes, end),
    bytes,
  };
}

/** The longest header there can be: read this much to parse one. */
export const maxHeaderBytes = magic.length + 1 + 255 + saltBytes;

function fileKey(header: FileHeader, ring: KeyRing) {
  const key = ring.byId.get(header.keyId);
  if (!key) {
    throw new DecryptionError(
      `A stored file was encrypted with key "${header.keyId}", which is not in ENCRYPTION_KEYS.`,
    );
  }
  return Buffer.from(hkdfSync("sha256", key.fileSecret, header.salt, "caseward file v1", 32));
}

function chunkIv(index: number) {
  const iv = Buffer.alloc(12);
  iv.writeUInt32BE(index, 8);
  return iv;
}

const chunkAad = (header: FileHeader, last: boolean) =>
  Buffer.concat([header.bytes, Buffer.from([last ? 1 : 0])]);

/** The stored form of a file's content, under the ring's current key. */
export function encryptFile(content: Uint8Array, ring: KeyRing = keyRing()): Buffer {
  const id = Buffer.from(ring.current.id, "utf8");
  const headerBytes = Buffer.concat([magic, Buffer.from([id.length]), id, randomBytes(saltBytes)]);
  const header = parseFileHeader(headerBytes)!;
  const key = fileKey(header, ring);
  const count = Math.max(1, Math.ceil(content.byteLength / chunkBytes));
  const parts: Buffer[] = [headerBytes];
  for (let i = 0; i < count; i++) {
    const cipher = createCipheriv("aes-256-gcm", key, chunkIv(i), { authTagLength: tagBytes });
    cipher.setAAD(chunkAad(header, i === count - 1));
    parts.push(
      cipher.update(content.subarray(i * chunkBytes, (i + 1) * chunkBytes)),
      cipher.final(),
      cipher.getAuthTag(),
    );
  }
  return Buffer.concat(parts);
}

/** Where the chunks of a stored file lie, from its header and its size on disk. */
export function chunkLayout(header: FileHeader, storedBytes: number) {
  const body = storedBytes - header.bytes.length;
  const count = Math.max(1, Math.ceil(body / sealedChunkBytes));
  return {
    count,
    plainBytes: body - count * tagBytes,
    offsetOf: (index: number) => header.bytes.length + index * sealedChunkBytes,
    lengthOf: (index: number) =>
      index < count - 1 ? sealedChunkBytes : body - (count - 1) * sealedChunkBytes,
  };
}

/** Decrypts chunk `index` of a file (`last`: it is the file's final chunk). */
export function decryptChunk(
  header: FileHeader,
  index: number,
  last: boolean,
  sealed: Uint8Array,
  ring: KeyRing = keyRing(),
): Buffer {
  if (sealed.length < tagBytes) throw new DecryptionError("A stored file is truncated.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", fileKey(header, ring), chunkIv(index), {
      authTagLength: tagBytes,
    });
    decipher.setAAD(chunkAad(header, last));
    decipher.setAuthTag(Buffer.from(sealed.subarray(sealed.length - tagBytes)));
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - tagBytes)),
      decipher.final(),
    ]);
  } catch (error) {
    if (error instanceof DecryptionError) throw error;
    throw new DecryptionError("A stored file failed its integrity check (altered or truncated).");
  }
}

/** The whole content of a stored file held in memory (tests, rotation). */
export function decryptFile(stored: Uint8Array, ring: KeyRing = keyRing()): Buffer {
  const header = parseFileHeader(stored);
  if (!header) return Buffer.from(stored);
  const layout = chunkLayout(header, stored.length);
  const parts: Buffer[] = [];
  for (let i = 0; i < layout.count; i++) {
    const offset = layout.offsetOf(i);
    parts.push(
      decryptChunk(
        header,
        i,
        i === layout.count - 1,
        stored.subarray(offset, offset + layout.lengthOf(i)),
        ring,
      ),
    );
  }
  return Buffer.concat(parts);
}
