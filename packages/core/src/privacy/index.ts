export type { FullSecretKind } from "./secret-shapes";
export { findFullSecret } from "./find-full-secret";
export { maskSecret } from "./mask-secret";
export { secretRefusalMessage } from "./refusal-message";
export { freeText, FULL_SECRET_ISSUE } from "./free-text";
