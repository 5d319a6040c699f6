// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { OutgoingEmail } from "../mailer";
import { EmailButton, EmailHeading, EmailLayout, EmailText, renderEmail } from "./layout";

// The emails of the account itself. The links carry one-time secrets: they are rendered and
// sent by the web process that made them, never put in a job payload.

interface AccountEmailInput {
  to: string;
  name: string;
  settingsUrl: string;
}

export interface LinkEmailInput extends AccountEmailInput {
  url: string;
}

export function verifyEmailAddressEmail(input: LinkEmailInput): Promise<OutgoingEmail> {
  return renderEmail(
    input.to,
    "Confirm your email address",
    <EmailLayout
      preview="One click so that your reminders can reach you."
      settingsUrl={input.settingsUrl}
    >
      <EmailHeading>Confirm your email address</EmailHeading>
      <EmailText>{`Hello ${input.name},`}</EmailText>
      <EmailText>
        Caseward sends your reminders and escalation advice only to an address you have confirmed.
        Open this link within 24 hours to confirm {input.to}:
      </EmailText>
      <EmailButton href={input.url}>Confirm this address</EmailButton>
      <EmailText muted>If you did not create a Caseward account, ignore this email.</EmailText>
    </EmailLayout>,
  );
}

export function resetPasswordEmail(input: LinkEmailInput): Promise<OutgoingEmail> {
  return renderEmail(
    input.to,
    "Reset your Caseward password",
    <EmailLayout preview="A link to choose a new password." settingsUrl={input.settingsUrl}>
      <EmailHeading>Reset your password</EmailHeading>
      <EmailText>{`Hello ${input.name},`}</EmailText>
      <EmailText>
        Someone asked to reset the password of your Caseward account. Open this link within an hour
        to choose a new one; every device signed in to your account will be signed out.
      </EmailText>
      <EmailButton href={input.url}>Choose a new password</EmailButton>
      <EmailText muted>
        If it was not you, ignore this email: your password stays as it is.
      </EmailText>
    </EmailLayout>,
  );
}

export function confirmNewEmailAddressEmail(input: LinkEmailInput): Promise<OutgoingEmail> {
  return renderEmail(
    input.to,
    "Confirm your new email address",
    <EmailLayout preview="Confirm the address Caseward should use." settingsUrl={input.settingsUrl}>
      <EmailHeading>Confirm your new email address</EmailHeading>
      <EmailText>{`Hello ${input.name},`}</EmailText>
      <EmailText>
        You asked to use {input.to} for your Caseward account. Open this link within 24 hours to
        make the change:
      </EmailText>
      <EmailButton href={input.url}>Use this address</EmailButton>
      <EmailText muted>If it was not you, ignore this email: nothing changes.</EmailText>
    </EmailLayout>,
  );
}

export function emailChangeRequestedEmail(
  input: AccountEmailInput & { newEmail: string },
): Promise<OutgoingEmail> {
  return renderEmail(
    input.to,
    "Your Caseward email address is being changed",
    <EmailLayout
      preview="A change of your sign-in address was asked for."
      settingsUrl={input.settingsUrl}
    >
      <EmailHeading>Your email address is being changed</EmailHeading>
      <EmailText>{`Hello ${input.name},`}</EmailText>
      <EmailText>
        Someone signed in to your Caseward account, gave its password, and asked to use{" "}
        {input.newEmail} instead of this address. The change happens once that address is confirmed.
      </EmailText>
      <EmailText>
        If it was not you, sign in, change your password in Settings (this signs out every other
        device), and check “Where you’re signed in”.
      </EmailText>
    </EmailLayout>,
  );
}

export function signUpAttemptEmail(
  input: AccountEmailInput & { signInUrl: string; resetUrl: string },
): Promise<OutgoingEmail> {
  return renderEmail(
    input.to,
    "Someone tried to create a Caseward account with your address",
    <EmailLayout preview="You already have an account." settingsUrl={input.settingsUrl}>
      <EmailHeading>You already have an account</EmailHeading>
      <EmailText>{`Hello ${input.name},`}</EmailText>
      <EmailText>
        Someone tried to create a Caseward account with this email address. Nothing was changed:
        your account and its password stay as they are.
      </EmailText>
      <EmailText>
        If it was you, sign in instead, or reset your password if you forgot it.
      </EmailText>
      <EmailButton href={input.signInUrl}>Sign in</EmailButton>
      <EmailText muted>{`Forgot your password? ${input.resetUrl}`}</EmailText>
    </EmailLayout>,
  );
}

export function passwordChangedEmail(
  input: AccountEmailInput & { how: "changed" | "reset" },
): Promise<OutgoingEmail> {
  return renderEmail(
    input.to,
    "Your Caseward password was changed",
    <EmailLayout preview="Every other device was signed out." settingsUrl={input.settingsUrl}>
      <EmailHeading>Your password was changed</EmailHeading>
      <EmailText>{`Hello ${input.name},`}</EmailText>
      <EmailText>
        {input.how === "reset"
          ? "The password of your Caseward account was reset with a link sent to this address. Every device was signed out."
          : "The password of your Caseward account was changed in Settings. Every other device was signed out."}
      </EmailText>
      <EmailText>
        If it was not you, reset your password now from the sign-in page (“Forgot password?”): that
        signs out everyone, whoever changed it.
      </EmailText>
    </EmailLayout>,
  );
}

/** To another address the user sends from: one click and mail from it is filed on its own. */
export function confirmSenderAddressEmail(input: LinkEmailInput): Promise<OutgoingEmail> {
  return renderEmail(
    input.to,
    "Confirm an address you send from",
    <EmailLayout
      preview="Mail you forward from this address will be added to your cases."
      settingsUrl={input.settingsUrl}
    >
      <EmailHeading>Confirm an address you send from</EmailHeading>
      <EmailText>{`Hello ${input.name},`}</EmailText>
      <EmailText>
        You added {input.to} to your Caseward account as an address you send mail from. Once it is
        confirmed, mail you forward or copy to Caseward from it is added to your cases on its own.
        Open this link within 24 hours, signed in to Caseward:
      </EmailText>
      <EmailButton href={input.url}>Confirm this address</EmailButton>
      <EmailText muted>If it was not you, ignore this email: nothing changes.</EmailText>
    </EmailLayout>,
  );
}
