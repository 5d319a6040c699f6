export * from "./schemas";
export { detectFileType, allowedFileTypesText } from "./sniff";
export type { DetectedFileType } from "./sniff";
export { displayFileName, downloadFileName, attachmentContentDisposition } from "./file-name";
export type { ByteRange as AttachmentByteRange } from "./storage";
export * from "./attachment-service";
