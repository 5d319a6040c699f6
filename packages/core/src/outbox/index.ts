// The outbox: the emails the system owes the user (the `notifications` table). A notification
// is claimed with a lease (./claim.ts), its email composed from what it is about
// (./compose.ts), sent under a Message-ID of its own and stamped `sent` (./send.ts).
export { sendLeaseMs } from "./claim";
export { composeNotification, composeNotifications } from "./compose";
export * from "./daily-digest";
export * from "./held";
export * from "./queries";
export {
  notificationMessageId,
  prepareSending,
  sendBatchSize,
  sendNotification,
  sendNotifications,
} from "./send";
