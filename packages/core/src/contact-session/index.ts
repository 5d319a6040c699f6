// The contact session (PRODUCT.md glossary): the screen used during a call or chat. Its rules
// that need no database live here; what it saves goes through the contact service.
export { contactReadiness } from "./readiness";
export type { ReadinessInput, ReadinessItem, ReadinessItemId } from "./readiness";
