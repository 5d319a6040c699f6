import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

import nodemailer from "nodemailer";

import { ownerOnlyFileMode } from "../local-files";
import { devMailboxOf } from "./dev-mailbox";
import { buildMessage } from "./mime";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Lets a receiver (and our tests) recognise a retry of the same email. */
  messageId?: string;
  /**
   * The account the email is for. The dev mailbox files it under this id (not the address,
   * which a later account may sign up with) and deletes it with the account.
   */
  userId?: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

/** SMTP connections a mailer keeps open; batched sends go this many at a time. */
export const mailerConnections = 5;

export interface MailerOptions {
  from: string;
  /** smtp:// or smtps:// URL; without it emails land in the local dev mailbox. */
  smtpUrl?: string;
  mailboxDir: string;
}

export function createMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl) {
    const url = new URL(options.smtpUrl);
    const transport = nodemailer.createTransport({
      // A burst of deadlines sends hundreds at once: several connections, each kept for many
      // messages (the default, 100, reconnects ten times per thousand emails).
      pool: true,
      maxConnections: mailerConnections,
      maxMessages: 1_000,
      host: url.hostname,
      port: Number(url.port) || (url.protocol === "smtps:" ? 465 : 587),
      secure: url.protocol === "smtps:",
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      // Local test servers and dev relays speak plain SMTP on loopback.
      ignoreTLS: url.searchParams.get("tls") === "off",
      connectionTimeout: 10_000,
      socketTimeout: 20_000,
    });
    return {
      async send(email) {
        // The message as nodemailer would compose it (base64 bodies, the same headers), built
        // in one go (./mime.ts) and handed over whole: its MIME streams were a quarter of the
        // CPU of a burst of deadlines.
        const { raw, envelope, messageId } = buildMessage({
          from: options.from,
          to: email.to,
          subject: email.subject,
          messageId: email.messageId,
          text: email.text,
          html: email.html,
        });
        // The Message-ID again beside the finished message: nodemailer made up a random one
        // for its own log line otherwise (five random draws per email). Not written: `raw` is
        // sent as it is.
        await transport.sendMail({ raw, envelope, messageId });
        return { messageId };
      },
      close: () => transport.close(),
    };
  }
  return createDevMailbox(options);
}

/**
 * Writes each email as an .eml file plus a small JSON summary that /dev/mailbox lists, in the
 * folder of the account it is for, readable by this process's account only.
 */
function createDevMailbox(options: MailerOptions): Mailer {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  return {
    async send(email) {
      const { userId, ...message } = email;
      const info = await transport.sendMail({ from: options.from, ...message });
      const folder = await devMailboxOf(options.mailboxDir, userId, { create: true });
      const id = `${Date.now()}-${randomBytes(4).toString("hex")}`;
      const mode = ownerOnlyFileMode;
      await writeFile(join(folder, `${id}.eml`), info.message as Buffer, { mode });
      const summary = {
        id,
        to: email.to,
        subject: email.subject,
        text: email.text,
        sentAt: new Date().toISOString(),
      };
      await writeFile(join(folder, `${id}.json`), JSON.stringify(summary), { mode });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
