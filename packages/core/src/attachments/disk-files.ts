import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, rmdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";

import type { KeyRing } from "@caseward/db/encryption";
import { keyRing } from "@caseward/db/encryption";

import type { ByteRange } from "./file-store";
import {
  chunkBytes,
  chunkLayout,
  decryptChunk,
  decryptFile,
  encryptFile,
  maxHeaderBytes,
  parseFileHeader,
} from "./file-cipher";

// Files as they were kept before they moved into the database: one encrypted file per
// attachment under UPLOAD_DIR (file-cipher.ts has the format). The app no longer writes here;
// `pnpm files:migrate` reads these files into `file_chunks` and removes them. Writing stays for
// the tests of that move and for the bench's comparison with the database.

/** Where a user's files lived: one folder per owner, files named by a random key only. */
export interface AttachmentLocation {
  uploadDir: string;
  ownerId: string;
  storageKey: string;
}

/** A fresh random file name: 128 bits, so it is never guessed and never the user's name. */
export const newStorageKey = () => randomBytes(16).toString("hex");

// Both parts come from our own rows, but a path is built from them: refuse anything that
// could step outside the upload directory.
function filePath({ uploadDir, ownerId, storageKey }: AttachmentLocation) {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(ownerId)) throw new Error("Unsafe owner id for a path.");
  if (!/^[0-9a-f]{32}$/.test(storageKey)) throw new Error("Unsafe storage key.");
  return { dir: join(uploadDir, ownerId), file: join(uploadDir, ownerId, storageKey) };
}

/**
 * Writes the whole file, encrypted (the plaintext never touches the disk, not even the
 * temporary file), under a temporary name, flushes it, then renames it into place, so a
 * crash leaves at most a stray `.tmp` file, never a half file under a key a row points at.
 */
export async function writeAttachmentFile(
  location: AttachmentLocation,
  content: Uint8Array,
  ring: KeyRing = keyRing(),
) {
  const bytes = encryptFile(content, ring);
  const { dir, file } = filePath(location);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(temporary, "wx", 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, file);
}

async function openStored(location: AttachmentLocation) {
  const { file } = filePath(location);
  // Opened here so a missing file is known before any response starts.
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (!handle) return null;
  const start = Buffer.alloc(maxHeaderBytes);
  const { bytesRead } = await handle.read(start, 0, start.length, 0);
  try {
    return { handle, header: parseFileHeader(start.subarray(0, bytesRead)) };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * The file's content (or a range of it), decrypted chunk by chunk as it is read, as a web
 * stream; null when the file is missing. A file stored before encryption is read as it is.
 */
export async function readAttachmentFile(
  location: AttachmentLocation,
  range?: ByteRange,
): Promise<ReadableStream<Uint8Array> | null> {
  const opened = await openStored(location);
  if (!opened) return null;
  const { handle, header } = opened;
  if (!header) {
    const stream = handle.createReadStream({ start: range?.start, end: range?.end });
    return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
  }
  const ring = keyRing();
  const layout = chunkLayout(header, (await handle.stat()).size);
  let index = range ? Math.floor(range.start / chunkBytes) : 0;
  const lastIndex = range
    ? Math.min(layout.count - 1, Math.floor(range.end / chunkBytes))
    : layout.count - 1;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (index > lastIndex) {
          await handle.close();
          controller.close();
          return;
        }
        const sealed = Buffer.alloc(layout.lengthOf(index));
        await handle.read(sealed, 0, sealed.length, layout.offsetOf(index));
        let plain = decryptChunk(header, index, index === layout.count - 1, sealed, ring);
        if (range) {
          const at = index * chunkBytes;
          plain = plain.subarray(Math.max(0, range.start - at), range.end - at + 1);
        }
        index++;
        controller.enqueue(new Uint8Array(plain.buffer, plain.byteOffset, plain.byteLength));
      } catch (error) {
        await handle.close().catch(() => undefined);
        throw error;
      }
    },
    async cancel() {
      await handle.close();
    },
  });
}

/** The whole content of a file on disk, decrypted; null when it is missing. */
export async function readWholeAttachmentFile(
  location: AttachmentLocation,
  ring: KeyRing = keyRing(),
): Promise<Buffer | null> {
  const stored = await readFile(filePath(location).file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  return stored && decryptFile(stored, ring);
}

/** Removes a file, and its owner's folder once empty. */
export async function deleteAttachmentFile(location: AttachmentLocation) {
  const { dir, file } = filePath(location);
  await rm(file, { force: true });
  await rmdir(dir).catch(() => undefined); // not empty, or gone: either is fine
}

/** Whether the file is on disk (for tests and checks; reads no content). */
export async function attachmentFileExists(location: AttachmentLocation) {
  return stat(filePath(location).file).then(
    () => true,
    () => false,
  );
}
