import { readdir, rm, rmdir } from "node:fs/promises";
import { join } from "node:path";

import type { Database } from "@caseward/db";
import { and, asc, eq, gt, inArray, isNotNull, sql } from "@caseward/db";
import type { KeyRing } from "@caseward/db/encryption";
import { keyRing } from "@caseward/db/encryption";
import { attachments, users } from "@caseward/db/schema";

import { contentMatches } from "./content-hash";
import { deleteAttachmentFile, readWholeAttachmentFile } from "./disk-files";
import { writeFileChunks } from "./file-store";

export interface MoveProgress {
  done: number;
  total: number;
}

export interface MoveReport {
  /** Files now in the database, and removed from the disk. */
  moved: number;
  /** Rows whose file is not on disk: left as they are (their download answers 503). */
  missing: string[];
  /**
   * Files that could not be read (damaged, or under a key not in the ring) or whose content is
   * not what their row says (size, SHA-256): left on disk.
   */
  damaged: string[];
  /** Files on disk that no row points at any more (a delete, a crash), removed. */
  leftoversRemoved: number;
  /** Folders under the upload directory that belong to no user of this database: untouched. */
  unknownFolders: number;
}

class RowChanged extends Error {}

const storageKeyPattern = /^[0-9a-f]{32}$/;
const temporaryPattern = /^[0-9a-f]{32}\.[0-9a-f]{12}\.tmp$/;

/**
 * Moves the files of an install from before files lived in PostgreSQL: each file still under
 * UPLOAD_DIR is decrypted, checked against its row's size and SHA-256, written as chunks and
 * its row's `storage_key` cleared in one transaction, then removed from the disk. Only rows
 * that still have a storage key are looked at, so a run that stops anywhere is resumed by
 * running it again, and a run with nothing left to do changes nothing. The web app may keep
 * running: a file is served from the database as soon as its transaction commits.
 */
export async function moveFilesIntoDatabase(
  db: Database,
  options: {
    uploadDir: string;
    batchSize?: number;
    onProgress?: (progress: MoveProgress) => void;
    ring?: KeyRing;
  },
): Promise<MoveReport> {
  const ring = options.ring ?? keyRing();
  const report: MoveReport = {
    moved: 0,
    missing: [],
    damaged: [],
    leftoversRemoved: 0,
    unknownFolders: 0,
  };
  const [counted] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(attachments)
    .where(isNotNull(attachments.storageKey));
  const total = counted?.n ?? 0;
  let done = 0;
  options.onProgress?.({ done, total });
  let after: string | null = null;
  for (;;) {
    const batch = await db
      .select({
        id: attachments.id,
        ownerId: attachments.ownerId,
        storageKey: attachments.storageKey,
        sizeBytes: attachments.sizeBytes,
        sha256: attachments.sha256,
      })
      .from(attachments)
      .where(and(isNotNull(attachments.storageKey), after ? gt(attachments.id, after) : undefined))
      .orderBy(asc(attachments.id))
      .limit(options.batchSize ?? 20);
    if (batch.length === 0) break;
    after = batch.at(-1)!.id;
    for (const row of batch) {
      const location = {
        uploadDir: options.uploadDir,
        ownerId: row.ownerId,
        storageKey: row.storageKey!,
      };
      const content = await readWholeAttachmentFile(location, ring).catch(() => undefined);
      if (content === undefined) report.damaged.push(row.id);
      else if (content === null) report.missing.push(row.id);
      else if (content.byteLength !== row.sizeBytes || !contentMatches(content, row.sha256, ring)) {
        report.damaged.push(row.id);
      } else {
        const moved = await db
          .transaction(async (tx) => {
            await writeFileChunks(
              tx,
              { attachmentId: row.id, ownerId: row.ownerId, part: "content" },
              content,
              ring,
            );
            const cleared = await tx
              .update(attachments)
              .set({ storageKey: null })
              .where(and(eq(attachments.id, row.id), eq(attachments.storageKey, row.storageKey!)))
              .returning({ id: attachments.id });
            // Deleted (or moved by another run) since it was read: nothing to keep.
            if (cleared.length === 0) throw new RowChanged();
            return true;
          })
          .catch((error: unknown) => {
            if (error instanceof RowChanged) return false;
            throw error;
          });
        if (moved) report.moved++;
        await deleteAttachmentFile(location);
      }
      options.onProgress?.({ done: ++done, total });
    }
  }
  Object.assign(report, await removeLeftovers(db, options.uploadDir));
  return report;
}

/**
 * Files no row points at, in the folders of this database's users only: a folder of nobody
 * here (another install's, a wrong DATABASE_URL) is counted and left alone.
 */
async function removeLeftovers(db: Database, uploadDir: string) {
  const folders = (await readdir(uploadDir, { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory() && /^[A-Za-z0-9_-]{1,128}$/.test(entry.name))
    .map((entry) => entry.name);
  let leftoversRemoved = 0;
  let unknownFolders = 0;
  for (const ownerId of folders) {
    const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.id, ownerId));
    if (!owner) {
      unknownFolders++;
      continue;
    }
    const names = await readdir(join(uploadDir, ownerId));
    const keys = names.filter((name) => storageKeyPattern.test(name));
    const kept = new Set(
      keys.length === 0
        ? []
        : (
            await db
              .select({ key: attachments.storageKey })
              .from(attachments)
              .where(and(eq(attachments.ownerId, ownerId), inArray(attachments.storageKey, keys)))
          ).map((row) => row.key),
    );
    for (const name of names) {
      // A `.tmp` file is half a write that never became a file.
      const stray =
        temporaryPattern.test(name) || (storageKeyPattern.test(name) && !kept.has(name));
      if (!stray) continue;
      await rm(join(uploadDir, ownerId, name), { force: true });
      leftoversRemoved++;
    }
    await rmdir(join(uploadDir, ownerId)).catch(() => undefined); // not empty: files remain
  }
  return { leftoversRemoved, unknownFolders };
}
