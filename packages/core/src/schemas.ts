// What the browser may import: input schemas and pure rules, no database or Node code.
import "./zod-messages";
export * from "./companies/schemas";
export * from "./companies/official-domain";
export * from "./channels/schemas";
export * from "./channels/ladder";
export * from "./channels/display";
export * from "./cases/schemas";
export * from "./cases/status";
export * from "./contacts/schemas";
export * from "@caseward/db/vocabulary";
export * from "./labels";
export { countOf } from "./plural";
export { maxLengthOf, maxLengthsOf } from "./input-limits";
export * from "./questions/schemas";
export * from "./settings/schemas";
export { FULL_SECRET_ISSUE } from "./privacy/free-text";
export { maskSecret } from "./privacy/mask-secret";
export * from "./recording";
export * from "./privacy/schemas";
export {
  needsReview,
  privacyAnswerInput,
  privacyChecklistIn,
  privacyChecklistQuestions,
  ratePrivacy,
  type PrivacyQuestion,
  type PrivacyRating,
} from "./privacy/checklist";
export {
  redFlagDetails,
  redFlagDetailsIn,
  scanForRedFlags,
  isInboundUnverified,
} from "./privacy/red-flags";
export { disclosureAdvice, disclosureChecklistQuestions } from "./privacy/disclosure-advice";
export { contactReadiness, type ReadinessItem } from "./contact-session/readiness";
export * from "./passwords/length";
export { attachmentFileExtensions, maxAttachmentBytes } from "./attachments/limits";
export { humanFileSize } from "./attachments/file-size";
export * from "./insights/schemas";
