import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";

/** Where a user's files live: one folder per owner, files named by a random key only. */
export interface AttachmentLocation {
  uploadDir: string;
  ownerId: string;
  storageKey: string;
}

/** Inclusive byte positions, as in an HTTP range. */
export interface ByteRange {
  start: number;
  end: number;
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
 * Writes the whole file under a temporary name, flushes it, then renames it into place, so a
 * crash leaves at most a stray `.tmp` file, never a half file under a key a row points at.
 */
export async function writeAttachmentFile(location: AttachmentLocation, bytes: Uint8Array) {
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

/** The stored bytes (or a range of them) as a web stream; null when the file is missing. */
export async function readAttachmentFile(
  location: AttachmentLocation,
  range?: ByteRange,
): Promise<ReadableStream<Uint8Array> | null> {
  const { file } = filePath(location);
  // Opened here so a missing file is known before any response starts.
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (!handle) return null;
  const stream = handle.createReadStream({ start: range?.start, end: range?.end });
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}

export async function deleteAttachmentFile(location: AttachmentLocation) {
  await rm(filePath(location).file, { force: true });
}

/** Whether the file is on disk (for tests and checks; reads no content). */
export async function attachmentFileExists(location: AttachmentLocation) {
  return stat(filePath(location).file).then(
    () => true,
    () => false,
  );
}
