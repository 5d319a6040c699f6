export { getEvidencePack, transcriptExcerpt } from "./evidence-pack";
export type {
  EvidenceContact,
  EvidenceDeadline,
  EvidencePack,
  EvidenceQuestion,
} from "./evidence-pack";
export * from "./evidence-text";
export { renderEvidencePdf } from "./evidence-pdf";
