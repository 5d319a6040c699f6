import { createHash } from "node:crypto";

import type { Locale } from "@caseward/core/i18n";
import type { Mailer, OutgoingEmail } from "@caseward/core/mail";
import {
  confirmNewEmailAddressEmail,
  confirmSenderAddressEmail,
  emailChangeRequestedEmail,
  passwordChangedEmail,
  resetPasswordEmail,
  signUpAttemptEmail,
  verifyEmailAddressEmail,
} from "@caseward/core/mail";
import type { RedisConnection } from "@caseward/core/redis";

export interface AccountEmailSettings {
  mailer: Mailer;
  /** The app's origin (BASE_URL), for the links that are not better-auth's own. */
  appUrl: string;
  redis: RedisConnection;
  redisPrefix: string;
  /** The account's language (its settings); its emails are written in it. */
  localeOf: (userId: string) => Promise<Locale>;
}

interface Recipient {
  id: string;
  name: string;
  email: string;
}

// How long a link mailed for the account stays good.
export const verificationLinkSeconds = 24 * 60 * 60;
export const resetLinkSeconds = 60 * 60;
/** At most one "someone tried to sign up with your address" email per account per hour. */
const signUpAttemptNoticeSeconds = 60 * 60;

/**
 * The account's own emails (confirm an address, reset a password, an address change, a sign-up
 * with a taken address). They carry one-time links, so the web process that made the link
 * sends them itself: a job payload holds ids only.
 *
 * Sending is not awaited: the answer to the request must not wait on the SMTP server, nor
 * tell by its timing whether an email went out (whether an account exists).
 */
export function createAccountEmails(settings: AccountEmailSettings) {
  const settingsUrl = `${settings.appUrl}/settings`;
  // Rendered after the answer has gone (setImmediate): composing an email takes tens of
  // milliseconds of CPU, which would otherwise be added to the answer of the known address.
  const deliver = (
    what: string,
    userId: string,
    compose: (locale: Locale) => Promise<OutgoingEmail>,
  ) => {
    setImmediate(() => {
      settings
        .localeOf(userId)
        // Without the settings (the database is briefly away), English rather than no email.
        .catch((): Locale => "en")
        .then(compose)
        .then((rendered) => settings.mailer.send({ ...rendered, userId }))
        .catch((error: unknown) => {
          // The name only: a mail server's message may quote the address ("550 <maya@…>").
          console.error(`${what} email not sent: ${error instanceof Error ? error.name : "?"}`);
        });
    });
  };

  return {
    /** better-auth's `sendVerificationEmail`: a new account's address, or a new address. */
    verification({ user, url, token }: { user: Recipient; url: string; token: string }) {
      const change = isAddressChange(token);
      const input = { to: user.email, name: user.name, url: withConfirmedNotice(url), settingsUrl };
      deliver("verification", user.id, (locale) =>
        change
          ? confirmNewEmailAddressEmail({ ...input, locale })
          : verifyEmailAddressEmail({ ...input, locale }),
      );
    },

    /** better-auth's `sendResetPassword`. */
    resetPassword({ user, url }: { user: Recipient; url: string }) {
      deliver("password reset", user.id, (locale) =>
        resetPasswordEmail({ to: user.email, name: user.name, url, settingsUrl, locale }),
      );
    },

    /** After a reset or a change of the password (ASVS V2.2.3, V2.5.5). */
    passwordChanged(user: Recipient, how: "changed" | "reset") {
      deliver("password changed", user.id, (locale) =>
        passwordChangedEmail({ to: user.email, name: user.name, how, settingsUrl, locale }),
      );
    },

    /** To the old address, when a change to another one is asked for. */
    emailChangeRequested(user: Recipient, newEmail: string) {
      deliver("address change", user.id, (locale) =>
        emailChangeRequestedEmail({
          to: user.email,
          name: user.name,
          newEmail,
          settingsUrl,
          locale,
        }),
      );
    },

    /** To another address the user sends from: the link that confirms it (its token once). */
    senderAddress(user: { id: string; name: string }, address: string, token: string) {
      const url = `${settings.appUrl}/settings/sender-address?token=${encodeURIComponent(token)}`;
      deliver("sender address", user.id, (locale) =>
        confirmSenderAddressEmail({ to: address, name: user.name, url, settingsUrl, locale }),
      );
    },

    /** To the owner of an address someone tried to sign up with (once an hour at most). */
    signUpAttempt(user: Recipient) {
      const key = `${settings.redisPrefix}:auth:sign-up-attempt:${createHash("sha256").update(user.id).digest("hex")}`;
      void settings.redis
        .set(key, "1", "EX", signUpAttemptNoticeSeconds, "NX")
        .then((first) => {
          if (first !== "OK") return;
          deliver("sign-up attempt", user.id, (locale) =>
            signUpAttemptEmail({
              locale,
              to: user.email,
              name: user.name,
              settingsUrl,
              signInUrl: `${settings.appUrl}/sign-in`,
              resetUrl: `${settings.appUrl}/forgot-password`,
            }),
          );
        })
        .catch(() => console.error("sign-up attempt email not sent: redis unavailable"));
    },
  };
}
export type AccountEmails = ReturnType<typeof createAccountEmails>;

/**
 * The confirmation link of a new account lands on the dashboard with `?email=confirmed`, so the
 * page can say the address is confirmed (better-auth's default `/` says nothing).
 */
export function withConfirmedNotice(url: string): string {
  const link = new URL(url);
  if ((link.searchParams.get("callbackURL") ?? "/") !== "/") return url;
  link.searchParams.set("callbackURL", "/?email=confirmed");
  return link.toString();
}

/** better-auth's verification token is a JWT; an address change carries the address it goes to. */
function isAddressChange(token: string) {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as {
      updateTo?: unknown;
    };
    return typeof payload.updateTo === "string";
  } catch {
    return false;
  }
}
