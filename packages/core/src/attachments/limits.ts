// No zod here: the browser's file inputs read these without loading the schemas.

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
