export * from "./schemas";
export { detectFileType, allowedFileTypesText, extensionMismatch } from "./sniff";
export type { DetectedFileType } from "./sniff";
export { displayFileName, downloadFileName, attachmentContentDisposition } from "./file-name";
export { humanFileSize } from "./file-size";
export type { ByteRange as AttachmentByteRange } from "./file-store";
export { FileUnavailableError, isDatabaseUnavailable } from "./file-store";
export * from "./attachment-service";
export { makeThumbnail } from "./thumbnail";
export { moveFilesIntoDatabase } from "./move-files";
export type { MoveProgress, MoveReport } from "./move-files";
// Files as they were kept on disk before 0009: read by files:migrate, written by its tests and
// by the bench's comparison.
export * as diskFiles from "./disk-files";
