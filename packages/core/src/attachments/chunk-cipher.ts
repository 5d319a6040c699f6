import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

import type { FilePart } from "@caseward/db/vocabulary";
import type { KeyRing } from "@caseward/db/encryption";
import { DecryptionError, keyRing } from "@caseward/db/encryption";

// A file kept in the database (`file_chunks`): its content cut into chunks of `chunkBytes`,
// each sealed on its own with AES-256-GCM, so a byte range is served by reading and
// decrypting only the chunks it spans.
//   sealed chunk  nonce (12 random bytes) | ciphertext | tag (16 bytes)
// Each file has its own key, HKDF(ring key's file secret, salt = the attachment's id), and
// every chunk authenticates where it belongs: the attachment's id, the part (the file or its
// thumbnail), its index and the part's chunk count. A chunk copied to another file or part,
// swapped with another chunk, or a file cut short fails the integrity check and is never
// served. The ring key's id is kept beside each chunk (`key_id`), so rotation re-encrypts
// chunk by chunk.

/** Plaintext bytes per chunk: one row of `file_chunks` holds at most this plus 28 bytes. */
export const chunkBytes = 1024 * 1024;
const nonceBytes = 12;
const tagBytes = 16;

/**
 * What a sealed chunk holds: a part of an attachment's file (`file_chunks`), or the raw bytes
 * of a received email (`inbound_raw_chunks`, keyed by the inbound message's id).
 */
export type ChunkPart = FilePart | "inbound-raw";

/** Where a chunk belongs; all of it is authenticated with the chunk. */
export interface ChunkPlace {
  /** The attachment's id, or the inbound message's id for part `inbound-raw`. */
  attachmentId: string;
  part: ChunkPart;
  index: number;
  /** How many chunks the part has. */
  count: number;
}

/** How many chunks a part of `sizeBytes` is stored in (an empty part still has one). */
export const chunkCount = (sizeBytes: number) => Math.max(1, Math.ceil(sizeBytes / chunkBytes));

const uuidBytes = (id: string) => {
  const hex = id.replaceAll("-", "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error("A stored file needs its attachment's id.");
  return Buffer.from(hex, "hex");
};

function fileKey(ring: KeyRing, keyId: string, attachmentId: string) {
  const key = ring.byId.get(keyId);
  if (!key) {
    throw new DecryptionError(
      `A stored file was encrypted with key "${keyId}", which is not in ENCRYPTION_KEYS.`,
    );
  }
  return fileKeyHkdf(key.fileSecret, uuidBytes(attachmentId));
}

const fileKeyInfo = Buffer.from("caseward file chunks v1\x01", "latin1");

/**
 * HKDF-SHA256 (RFC 5869) of one 32-byte block, the same key as
 * `hkdfSync("sha256", secret, salt, "caseward file chunks v1", 32)`: extract, then expand's
 * first block (one output block needs no more). Two HMACs cost half of `hkdfSync`, which the
 * receiver paid for every message (issue 15's bench profile).
 */
export function fileKeyHkdf(secret: Uint8Array, salt: Uint8Array): Buffer {
  const pseudoRandomKey = createHmac("sha256", salt).update(secret).digest();
  return createHmac("sha256", pseudoRandomKey).update(fileKeyInfo).digest();
}

function associatedData({ attachmentId, part, index, count }: ChunkPlace) {
  const numbers = Buffer.alloc(8);
  numbers.writeUInt32BE(index, 0);
  numbers.writeUInt32BE(count, 4);
  return Buffer.concat([
    Buffer.from("caseward file chunk v1\0", "latin1"),
    uuidBytes(attachmentId),
    Buffer.from(`${part}\0`, "latin1"),
    numbers,
  ]);
}

/** Keys of the files being read or written: one derivation per file and ring key. */
export class FileKeys {
  private readonly keys = new Map<string, Buffer>();
  constructor(
    readonly attachmentId: string,
    readonly ring: KeyRing = keyRing(),
  ) {}

  of(keyId: string) {
    let key = this.keys.get(keyId);
    if (!key) {
      key = fileKey(this.ring, keyId, this.attachmentId);
      this.keys.set(keyId, key);
    }
    return key;
  }
}

/** Seals one chunk under the ring's current key. */
export function sealChunk(keys: FileKeys, place: ChunkPlace, plain: Uint8Array) {
  const keyId = keys.ring.current.id;
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv("aes-256-gcm", keys.of(keyId), nonce, {
    authTagLength: tagBytes,
  });
  cipher.setAAD(associatedData(place));
  const sealed = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return { keyId, sealed };
}

/** The plaintext of a chunk; a `DecryptionError` when it is not the chunk at `place`. */
export function openChunk(
  keys: FileKeys,
  place: ChunkPlace,
  keyId: string,
  sealed: Uint8Array,
): Buffer {
  if (sealed.length < nonceBytes + tagBytes) {
    throw new DecryptionError("A stored file failed its integrity check (altered or truncated).");
  }
  const key = keys.of(keyId);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, nonceBytes), {
      authTagLength: tagBytes,
    });
    decipher.setAAD(associatedData(place));
    decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
    return Buffer.concat([
      decipher.update(sealed.subarray(nonceBytes, sealed.length - tagBytes)),
      decipher.final(),
    ]);
  } catch {
    throw new DecryptionError("A stored file failed its integrity check (altered or truncated).");
  }
}
