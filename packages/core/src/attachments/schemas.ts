import { z } from "zod";

import { freeText } from "../privacy/free-text";

/** The largest file a contact can hold: a long call recorded as MP3 fits, a video does not. */
export const maxAttachmentBytes = 25 * 1024 * 1024;

/** How much one account may keep in files unless UPLOAD_QUOTA_MB says otherwise: 1 GB. */
export const defaultUploadQuotaBytes = 1024 * 1024 * 1024;

/** For the file picker; the server still judges the content, not the name. */
export const attachmentFileExtensions = [
  ".txt",
  ".eml",
  ".pdf",
  ".mp3",
  ".m4a",
  ".wav",
  ".png",
  ".jpg",
  ".jpeg",
  ".webp",
  ".heic",
  ".heif",
] as const;

export const contactAttachmentsInput = z.object({ contactId: z.uuid("Unknown contact.") });
export type ContactAttachmentsInput = z.input<typeof contactAttachmentsInput>;

export const attachmentIdInput = z.object({ attachmentId: z.uuid("Unknown attachment.") });
export type AttachmentIdInput = z.input<typeof attachmentIdInput>;

export const addAttachmentInput = contactAttachmentsInput.extend({
  fileName: freeText(10_000, "file name"),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "Choose a file to attach."),
});
export type AddAttachmentInput = z.input<typeof addAttachmentInput>;
