export * from "./mailer";
export * from "./dev-mailbox";
export { welcomeEmail, type WelcomeEmailInput } from "./templates/welcome";
export {
  escalationEmail,
  type EscalationEmailInput,
  type EscalationSuggestion,
} from "./templates/escalation";
export { promiseDueEmail, type PromiseDueEmailInput } from "./templates/promise-due";
export {
  regulatorEligibleEmail,
  type RegulatorEligibleEmailInput,
} from "./templates/regulator-eligible";
export {
  dailyDigestEmail,
  type DailyDigestEmailInput,
  type DigestCase,
} from "./templates/daily-digest";
export type { CaseEmailInput } from "./templates/layout";
export { redFlagEmail, type RedFlagEmailInput } from "./templates/red-flag";
export {
  confirmNewEmailAddressEmail,
  confirmSenderAddressEmail,
  emailChangeRequestedEmail,
  passwordChangedEmail,
  resetPasswordEmail,
  signUpAttemptEmail,
  verifyEmailAddressEmail,
  type LinkEmailInput,
} from "./templates/account";
