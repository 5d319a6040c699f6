export type { FullSecretKind } from "./secret-shapes";
export { findFullSecret } from "./find-full-secret";
export { maskSecret } from "./mask-secret";
export { secretRefusalMessage } from "./refusal-message";
export { freeText, FULL_SECRET_ISSUE } from "./free-text";
export {
  needsReview,
  privacyAnswerInput,
  privacyAnswerValues,
  privacyChecklistIn,
  privacyChecklistQuestions,
  privacyQuestionIds,
  PRIVACY_FAIR_SCORE,
  PRIVACY_GOOD_SCORE,
  PRIVACY_REVIEW_MONTHS,
  ratePrivacy,
} from "./checklist";
export type {
  PrivacyAnswer,
  PrivacyAnswerInput,
  PrivacyAnswerValue,
  PrivacyGrade,
  PrivacyQuestion,
  PrivacyQuestionId,
  PrivacyQuestionWeight,
  PrivacyRating,
  PrivacyReason,
} from "./checklist";
export {
  isInboundUnverified,
  redFlagDetails,
  redFlagDetailsIn,
  redFlagKinds,
  scanForRedFlags,
} from "./red-flags";
export type { RedFlagDetails, RedFlagKind } from "./red-flags";
export { breachActions } from "./breach-actions";
export type { BreachAction } from "./breach-actions";
export * from "./schemas";
export { disclosureAdvice, disclosureChecklistQuestions } from "./disclosure-advice";
export type { DisclosureAdvice } from "./disclosure-advice";
export * from "./checklist-service";
export * from "./disclosure-service";
export * from "./red-flag-service";
export * from "./breach-service";
