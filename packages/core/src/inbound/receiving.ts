// What the inbound receiver (apps/inbound) needs of core, and nothing more: the receiver
// process loads this module only (`@caseward/core/inbound-receiving`), not all of core.
export { resolveRecipient } from "./addresses";
export type { ResolvedRecipient } from "./addresses";
export { cachedRecipientResolver } from "./recipient-cache";
export { messageIdOf } from "./message-id";
export { RecipientGoneError, storeInboundMessage, storeInboundMessages } from "./store";
export type { ReceivedMessage, SmtpClient, StoredInbound } from "./store";
export { isDatabaseUnavailable } from "../attachments/file-store";
