export { getEvidencePack, deadlineStatus, transcriptExcerpt } from "./evidence-pack";
export type {
  DeadlineStatus,
  EvidenceContact,
  EvidenceDeadline,
  EvidencePack,
  EvidenceQuestion,
} from "./evidence-pack";
export * from "./evidence-text";
export { renderEvidencePdf } from "./evidence-pdf";
