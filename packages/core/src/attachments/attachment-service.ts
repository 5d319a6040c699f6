import { createHash } from "node:crypto";

import type { Database } from "@caseward/db";
import { and, asc, eq } from "@caseward/db";
import { attachments, contacts } from "@caseward/db/schema";

import { invalidField, notFound } from "../errors";
import { ownAttachment, ownContact } from "../ownership";
import { displayFileName } from "./file-name";
import type { AddAttachmentInput } from "./schemas";
import {
  addAttachmentInput,
  attachmentIdInput,
  contactAttachmentsInput,
  maxAttachmentBytes,
} from "./schemas";
import { allowedFileTypesText, detectFileType } from "./sniff";
import type { ByteRange } from "./storage";
import {
  deleteAttachmentFile,
  newStorageKey,
  readAttachmentFile,
  writeAttachmentFile,
} from "./storage";

export interface AttachmentStorageOptions {
  /** Root folder of uploaded files (the web app's `uploadDir()`). */
  uploadDir: string;
}

// What callers see of a row: where the file lies on disk stays inside this module.
const summary = {
  id: attachments.id,
  contactId: attachments.contactId,
  kind: attachments.kind,
  fileName: attachments.fileName,
  mimeType: attachments.mimeType,
  sizeBytes: attachments.sizeBytes,
  sha256: attachments.sha256,
  createdAt: attachments.createdAt,
};

/** The contact went away between the check and the insert (Postgres foreign_key_violation). */
function isForeignKeyViolation(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === "23503") return true;
  }
  return false;
}

/**
 * Keeps a transcript or recording file with one of the user's contacts. The type is judged
 * from the bytes; the file is on disk before its row exists, and removed again if the row
 * cannot be written, so no row ever points at nothing.
 */
export async function addAttachment(
  db: Database,
  userId: string,
  input: AddAttachmentInput,
  { uploadDir }: AttachmentStorageOptions,
) {
  const { contactId, fileName, bytes } = addAttachmentInput.parse(input);
  await ownContact(db, userId, contactId, { columns: { id: contacts.id } });
  if (bytes.byteLength === 0) throw invalidField("file", "This file is empty.");
  if (bytes.byteLength > maxAttachmentBytes) {
    throw invalidField("file", "This file is larger than 25 MB.");
  }
  const type = detectFileType(bytes);
  if (!type) {
    throw invalidField(
      "file",
      `We could not recognise what this file contains. Attach ${allowedFileTypesText}.`,
    );
  }

  const location = { uploadDir, ownerId: userId, storageKey: newStorageKey() };
  await writeAttachmentFile(location, bytes);
  try {
    const [row] = await db
      .insert(attachments)
      .values({
        ownerId: userId,
        contactId,
        kind: type.kind,
        fileName: displayFileName(fileName, type.extension),
        mimeType: type.mimeType,
        sizeBytes: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        storageKey: location.storageKey,
      })
      .returning(summary);
    return row!;
  } catch (error) {
    await deleteAttachmentFile(location);
    if (isForeignKeyViolation(error)) throw notFound("Contact");
    throw error;
  }
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
 * One of the user's files and its bytes. A requested byte range is served when it lies within
 * the file (`range` says what was served); otherwise the whole file is, as HTTP allows.
 */
export async function getAttachmentForDownload(
  db: Database,
  userId: string,
  attachmentId: string,
  { uploadDir, range }: AttachmentStorageOptions & { range?: ByteRange },
) {
  const parsed = attachmentIdInput.parse({ attachmentId });
  const row = await ownAttachment(db, userId, parsed.attachmentId, {
    columns: { ...summary, storageKey: attachments.storageKey },
  });
  const { storageKey, ...attachment } = row;

  const served =
    range && range.start <= range.end && range.start < row.sizeBytes
      ? { start: range.start, end: Math.min(range.end, row.sizeBytes - 1) }
      : null;
  const stream = await readAttachmentFile(
    { uploadDir, ownerId: userId, storageKey },
    served ?? undefined,
  );
  if (!stream) throw notFound("Attachment");
  return { attachment, stream, range: served };
}

/** Removes the row and the file together: if the file cannot be removed, the row stays. */
export async function deleteAttachment(
  db: Database,
  userId: string,
  attachmentId: string,
  { uploadDir }: AttachmentStorageOptions,
) {
  const parsed = attachmentIdInput.parse({ attachmentId });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(attachments)
      .where(and(eq(attachments.id, parsed.attachmentId), eq(attachments.ownerId, userId)))
      .returning({ ...summary, storageKey: attachments.storageKey });
    if (!row) throw notFound("Attachment");
    const { storageKey, ...attachment } = row;
    await deleteAttachmentFile({ uploadDir, ownerId: userId, storageKey });
    return attachment;
  });
}
