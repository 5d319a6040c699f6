// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { OutgoingEmail } from "../mailer";
import { emailWords } from "./format";
import { EmailButton, EmailHeading, EmailLayout, EmailText, renderEmail } from "./layout";

// The emails of the account itself. The links carry one-time secrets: they are rendered and
// sent by the web process that made them, never put in a job payload.

interface AccountEmailInput {
  to: string;
  name: string;
  settingsUrl: string;
  /** The account's language (its settings, or the sign-up page's for a new account). */
  locale: string;
}

export interface LinkEmailInput extends AccountEmailInput {
  url: string;
}

export function verifyEmailAddressEmail(input: LinkEmailInput): Promise<OutgoingEmail> {
  const t = emailWords(input.locale);
  return renderEmail(
    input.to,
    t("account.verifySubject"),
    <EmailLayout
      preview={t("account.verifyPreview")}
      settingsUrl={input.settingsUrl}
      locale={input.locale}
    >
      <EmailHeading>{t("account.verifyHeading")}</EmailHeading>
      <EmailText>{t("hello", { name: input.name })}</EmailText>
      <EmailText>{t("account.verifyBody", { address: input.to })}</EmailText>
      <EmailButton href={input.url}>{t("account.verifyButton")}</EmailButton>
      <EmailText muted>{t("account.verifyIgnore")}</EmailText>
    </EmailLayout>,
  );
}

export function resetPasswordEmail(input: LinkEmailInput): Promise<OutgoingEmail> {
  const t = emailWords(input.locale);
  return renderEmail(
    input.to,
    t("account.resetSubject"),
    <EmailLayout
      preview={t("account.resetPreview")}
      settingsUrl={input.settingsUrl}
      locale={input.locale}
    >
      <EmailHeading>{t("account.resetHeading")}</EmailHeading>
      <EmailText>{t("hello", { name: input.name })}</EmailText>
      <EmailText>{t("account.resetBody")}</EmailText>
      <EmailButton href={input.url}>{t("account.resetButton")}</EmailButton>
      <EmailText muted>{t("account.resetIgnore")}</EmailText>
    </EmailLayout>,
  );
}

export function confirmNewEmailAddressEmail(input: LinkEmailInput): Promise<OutgoingEmail> {
  const t = emailWords(input.locale);
  return renderEmail(
    input.to,
    t("account.newAddressSubject"),
    <EmailLayout
      preview={t("account.newAddressPreview")}
      settingsUrl={input.settingsUrl}
      locale={input.locale}
    >
      <EmailHeading>{t("account.newAddressHeading")}</EmailHeading>
      <EmailText>{t("hello", { name: input.name })}</EmailText>
      <EmailText>{t("account.newAddressBody", { address: input.to })}</EmailText>
      <EmailButton href={input.url}>{t("account.newAddressButton")}</EmailButton>
      <EmailText muted>{t("account.notYouNothingChanges")}</EmailText>
    </EmailLayout>,
  );
}

export function emailChangeRequestedEmail(
  input: AccountEmailInput & { newEmail: string },
): Promise<OutgoingEmail> {
  const t = emailWords(input.locale);
  return renderEmail(
    input.to,
    t("account.changeRequestedSubject"),
    <EmailLayout
      preview={t("account.changeRequestedPreview")}
      settingsUrl={input.settingsUrl}
      locale={input.locale}
    >
      <EmailHeading>{t("account.changeRequestedHeading")}</EmailHeading>
      <EmailText>{t("hello", { name: input.name })}</EmailText>
      <EmailText>{t("account.changeRequestedBody", { address: input.newEmail })}</EmailText>
      <EmailText>{t("account.changeRequestedNotYou")}</EmailText>
    </EmailLayout>,
  );
}

export function signUpAttemptEmail(
  input: AccountEmailInput & { signInUrl: string; resetUrl: string },
): Promise<OutgoingEmail> {
  const t = emailWords(input.locale);
  return renderEmail(
    input.to,
    t("account.signUpAttemptSubject"),
    <EmailLayout
      preview={t("account.signUpAttemptPreview")}
      settingsUrl={input.settingsUrl}
      locale={input.locale}
    >
      <EmailHeading>{t("account.signUpAttemptHeading")}</EmailHeading>
      <EmailText>{t("hello", { name: input.name })}</EmailText>
      <EmailText>{t("account.signUpAttemptBody")}</EmailText>
      <EmailText>{t("account.signUpAttemptIfYou")}</EmailText>
      <EmailButton href={input.signInUrl}>{t("account.signIn")}</EmailButton>
      <EmailText muted>{t("account.forgotPassword", { url: input.resetUrl })}</EmailText>
    </EmailLayout>,
  );
}

export function passwordChangedEmail(
  input: AccountEmailInput & { how: "changed" | "reset" },
): Promise<OutgoingEmail> {
  const t = emailWords(input.locale);
  return renderEmail(
    input.to,
    t("account.passwordChangedSubject"),
    <EmailLayout
      preview={t("account.passwordChangedPreview")}
      settingsUrl={input.settingsUrl}
      locale={input.locale}
    >
      <EmailHeading>{t("account.passwordChangedHeading")}</EmailHeading>
      <EmailText>{t("hello", { name: input.name })}</EmailText>
      <EmailText>
        {input.how === "reset" ? t("account.passwordReset") : t("account.passwordChanged")}
      </EmailText>
      <EmailText>{t("account.passwordChangedNotYou")}</EmailText>
    </EmailLayout>,
  );
}

/** To another address the user sends from: one click and mail from it is filed on its own. */
export function confirmSenderAddressEmail(input: LinkEmailInput): Promise<OutgoingEmail> {
  const t = emailWords(input.locale);
  return renderEmail(
    input.to,
    t("account.senderSubject"),
    <EmailLayout
      preview={t("account.senderPreview")}
      settingsUrl={input.settingsUrl}
      locale={input.locale}
    >
      <EmailHeading>{t("account.senderHeading")}</EmailHeading>
      <EmailText>{t("hello", { name: input.name })}</EmailText>
      <EmailText>{t("account.senderBody", { address: input.to })}</EmailText>
      <EmailButton href={input.url}>{t("account.verifyButton")}</EmailButton>
      <EmailText muted>{t("account.notYouNothingChanges")}</EmailText>
    </EmailLayout>,
  );
}
