import { z } from "zod";

import { freeText } from "../privacy/free-text";

export { attachmentFileExtensions, defaultUploadQuotaBytes, maxAttachmentBytes } from "./limits";

export const contactAttachmentsInput = z.object({ contactId: z.uuid("Unknown contact.") });
export type ContactAttachmentsInput = z.input<typeof contactAttachmentsInput>;

export const attachmentIdInput = z.object({ attachmentId: z.uuid("Unknown attachment.") });
export type AttachmentIdInput = z.input<typeof attachmentIdInput>;

export const addAttachmentInput = contactAttachmentsInput.extend({
  fileName: freeText(10_000, "file name"),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "Choose a file to attach."),
});
export type AddAttachmentInput = z.input<typeof addAttachmentInput>;
