// Reading and filing inbound mail (issue 15, the filing side): what apps and the worker call.
export { readMail, mailLimits } from "./read-mail";
export type { MailAddress, MailAttachment, ReadMail, MailReading } from "./read-mail";
export { forwardedOf, forwardFormats, subjectWithoutPrefix } from "./forwarded";
export type { ForwardFormat, ForwardedMail, OriginalMail } from "./forwarded";
export { mailContactOf } from "./direction";
export type { MailContact, UserAddresses } from "./direction";
export { understandMail } from "./understand-mail";
export type { UnderstoodMail } from "./understand-mail";
export { mailWarnings, maskMailText, linksIn } from "./mail-safety";
export { proposePromise, proposeReference } from "./proposals";
export type { PromiseProposal } from "./proposals";
export { matchMail } from "./match-mail";
export { checkSender, dnsTable, senderVerdict, systemResolver } from "./sender-authentication";
export type {
  DnsResolver,
  SenderCheck,
  SenderVerdict,
  SmtpEnvelope,
} from "./sender-authentication";
export type { MailMatch } from "./match-mail";
// ./file-message (fileInboundMessage, the worker's entry) is exported by ./index.ts.
export { fileEmlOnCase, fileEmlInput } from "./file-eml";
export type { FileEmlInput } from "./file-eml";
export {
  countInbox,
  discardFromInbox,
  fileFromInbox,
  listInbox,
  openCaseFromInbox,
} from "./inbox-service";
export type { InboxEntry } from "./inbox-service";
export * from "./inbox-schemas";
