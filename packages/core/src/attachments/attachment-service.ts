import type { Database, Transaction } from "@caseward/db";
import { and, asc, eq, sql } from "@caseward/db";
import { attachments, contacts } from "@caseward/db/schema";

import { DomainError, invalidField, notFound, refusal } from "../errors";
import { ownAttachment, ownContact } from "../ownership";
import { contentHash } from "./content-hash";
import { displayFileName } from "./file-name";
import { humanFileSize } from "./file-size";
import type { ByteRange } from "./file-store";
import { readFileChunks, readWholeFile, writeFileChunks } from "./file-store";
import type { AddAttachmentInput } from "./schemas";
import {
  addAttachmentInput,
  attachmentIdInput,
  contactAttachmentsInput,
  defaultUploadQuotaBytes,
  maxAttachmentBytes,
} from "./schemas";
import { detectFileType, extensionMismatch } from "./sniff";
import { UnreadableImageError, makeThumbnail, thumbnailMimeType } from "./thumbnail";

export interface AddAttachmentOptions {
  /** How many bytes of files the user may keep in all (UPLOAD_QUOTA_MB); 1 GB by default. */
  quotaBytes?: number;
}

/** A file uploaded before files moved into the database, not moved yet (`pnpm files:migrate`). */
export class FileNotMovedError extends Error {
  override name = "FileNotMovedError";
  constructor() {
    super("This file is still on disk: run pnpm files:migrate.");
  }
}

// What callers see of a row.
const summary = {
  id: attachments.id,
  contactId: attachments.contactId,
  kind: attachments.kind,
  fileName: attachments.fileName,
  mimeType: attachments.mimeType,
  sizeBytes: attachments.sizeBytes,
  sha256: attachments.sha256,
  thumbnailBytes: attachments.thumbnailBytes,
  createdAt: attachments.createdAt,
};

/** The contact went away between the check and the insert (Postgres foreign_key_violation). */
function isForeignKeyViolation(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === "23503") return true;
  }
  return false;
}

/** The upload's type from its bytes, refused when unknown or when its name says otherwise. */
function judgeFile(fileName: string, bytes: Uint8Array) {
  if (bytes.byteLength === 0) throw refusal("BAD_REQUEST", "fileEmpty", {}, "file");
  if (bytes.byteLength > maxAttachmentBytes) {
    throw refusal("BAD_REQUEST", "fileTooLarge", {}, "file");
  }
  const type = detectFileType(bytes);
  if (!type) {
    throw refusal("BAD_REQUEST", "fileTypeUnknown", {}, "file");
  }
  const mismatch = extensionMismatch(fileName, type);
  if (mismatch) throw invalidField("file", mismatch);
  return type;
}

async function thumbnailOf(bytes: Uint8Array, mimeType: string) {
  try {
    return await makeThumbnail(bytes, mimeType);
  } catch (error) {
    if (!(error instanceof UnreadableImageError)) throw error;
    throw refusal("BAD_REQUEST", "imageDamaged", {}, "file");
  }
}

/**
 * Keeps a file with one of the user's contacts: a transcript, a recording, an email, a PDF, or
 * an image (with a thumbnail made here). The type is judged from the bytes and must agree with
 * the name's extension. The row and every chunk of the file are written in one transaction,
 * after the user's files are counted against their quota: the file is stored whole or not at
 * all, and two uploads at once cannot both slip under the quota.
 */
export async function addAttachment(
  db: Database,
  userId: string,
  input: AddAttachmentInput,
  options: AddAttachmentOptions = {},
) {
  const parsed = addAttachmentInput.parse(input);
  await ownContact(db, userId, parsed.contactId, { columns: { id: contacts.id } });
  const judged = await judgedFile(parsed.fileName, parsed.bytes);
  try {
    return await db.transaction((tx) => storeAttachment(tx, userId, parsed, judged, options));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (isForeignKeyViolation(error)) throw notFound("Contact");
    throw error;
  }
}

/** The file's type from its bytes (refused when unknown or misnamed) and its thumbnail. */
async function judgedFile(fileName: string, bytes: Uint8Array) {
  const type = judgeFile(fileName, bytes);
  const thumbnail = type.kind === "image" ? await thumbnailOf(bytes, type.mimeType) : null;
  return { type, thumbnail };
}

async function storeAttachment(
  tx: Transaction,
  userId: string,
  { contactId, fileName, bytes }: { contactId: string; fileName: string; bytes: Uint8Array },
  { type, thumbnail }: Awaited<ReturnType<typeof judgedFile>>,
  { quotaBytes = defaultUploadQuotaBytes }: AddAttachmentOptions,
) {
  // One upload of a user at a time from here to the commit (other users are not held).
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`files:${userId}`}, 0))`);
  const [stored] = await tx
    .select({ bytes: sql<number>`coalesce(sum(${attachments.sizeBytes}), 0)`.mapWith(Number) })
    .from(attachments)
    .where(eq(attachments.ownerId, userId));
  const used = stored?.bytes ?? 0;
  if (used + bytes.byteLength > quotaBytes) {
    throw refusal(
      "BAD_REQUEST",
      "quotaFull",
      (locale) => ({ used: humanFileSize(used, locale), quota: humanFileSize(quotaBytes, locale) }),
      "file",
    );
  }
  const [row] = await tx
    .insert(attachments)
    .values({
      ownerId: userId,
      contactId,
      kind: type.kind,
      fileName: displayFileName(fileName, type.extension),
      mimeType: type.mimeType,
      sizeBytes: bytes.byteLength,
      sha256: contentHash(bytes),
      thumbnailBytes: thumbnail?.byteLength ?? null,
    })
    .returning(summary);
  const file = { attachmentId: row!.id, ownerId: userId };
  await writeFileChunks(tx, { ...file, part: "content" }, bytes);
  if (thumbnail) await writeFileChunks(tx, { ...file, part: "thumbnail" }, thumbnail);
  return row!;
}

/**
 * `addAttachment` inside a transaction the caller holds, for a contact the caller just made
 * (filing an email keeps its files with the contact in the same commit). Same sniffing, limits
 * and quota; a file refused by them throws the same sentence.
 */
export async function addAttachmentInTransaction(
  tx: Transaction,
  userId: string,
  input: AddAttachmentInput,
  options: AddAttachmentOptions = {},
) {
  const parsed = addAttachmentInput.parse(input);
  const judged = await judgedFile(parsed.fileName, parsed.bytes);
  return storeAttachment(tx, userId, parsed, judged, options);
}

export type AttachmentSummary = Awaited<ReturnType<typeof addAttachment>>;

/** The files of one of the user's contacts, oldest first. */
export async function listAttachments(db: Database, userId: string, contactId: string) {
  const parsed = contactAttachmentsInput.parse({ contactId });
  await ownContact(db, userId, parsed.contactId, { columns: { id: contacts.id } });
  return db
    .select(summary)
    .from(attachments)
    .where(and(eq(attachments.contactId, parsed.contactId), eq(attachments.ownerId, userId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/**
 * One of the user's files and its bytes, streamed from the database. A requested byte range is
 * served when it lies within the file (`range` says what was served); otherwise the whole file
 * is, as HTTP allows.
 */
export async function getAttachmentForDownload(
  db: Database,
  userId: string,
  attachmentId: string,
  { range }: { range?: ByteRange } = {},
) {
  const parsed = attachmentIdInput.parse({ attachmentId });
  const { storageKey, ...attachment } = await ownAttachment(db, userId, parsed.attachmentId, {
    columns: { ...summary, storageKey: attachments.storageKey },
  });
  if (storageKey !== null) throw new FileNotMovedError();
  const served =
    range && range.start <= range.end && range.start < attachment.sizeBytes
      ? { start: range.start, end: Math.min(range.end, attachment.sizeBytes - 1) }
      : null;
  const stream = await readFileChunks(
    db,
    {
      attachmentId: attachment.id,
      ownerId: userId,
      part: "content",
      sizeBytes: attachment.sizeBytes,
    },
    served ?? undefined,
  );
  return { attachment, stream, range: served };
}

/** The thumbnail of one of the user's images (WebP); NOT_FOUND when it has none. */
export async function getAttachmentThumbnail(db: Database, userId: string, attachmentId: string) {
  const parsed = attachmentIdInput.parse({ attachmentId });
  const row = await ownAttachment(db, userId, parsed.attachmentId, {
    columns: { id: attachments.id, thumbnailBytes: attachments.thumbnailBytes },
  });
  if (row.thumbnailBytes === null) throw notFound("Thumbnail");
  const bytes = await readWholeFile(db, {
    attachmentId: row.id,
    ownerId: userId,
    part: "thumbnail",
    sizeBytes: row.thumbnailBytes,
  });
  return { bytes, mimeType: thumbnailMimeType };
}

/** Removes the row; its stored chunks go with it (foreign key, on delete cascade). */
export async function deleteAttachment(db: Database, userId: string, attachmentId: string) {
  const parsed = attachmentIdInput.parse({ attachmentId });
  const [row] = await db
    .delete(attachments)
    .where(and(eq(attachments.id, parsed.attachmentId), eq(attachments.ownerId, userId)))
    .returning(summary);
  if (!row) throw notFound("Attachment");
  return row;
}
