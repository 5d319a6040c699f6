import { startSmtpSink } from "@caseward/services/smtp-sink";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";

import type { OutgoingEmail } from "./mailer";
import { createMailer } from "./mailer";
import { buildMessage } from "./mime";
import { escalationEmail } from "./templates/escalation";
import { welcomeEmail } from "./templates/welcome";

const date = new Date("2026-12-01T21:00:00Z");
const boundary = "0123456789abcdef";

async function samples(): Promise<OutgoingEmail[]> {
  const escalation = (locale: string) =>
    escalationEmail({
      to: "ana@example.test",
      userName: "Ana Ésabelle",
      caseTitle: "Double charge — « novembre »",
      companyName: "Rogers",
      caseUrl: "https://caseward.test/cases/c-1",
      settingsUrl: "https://caseward.test/settings",
      timeZone: "America/Toronto",
      locale,
      waitedBusinessDays: 2,
      lastChannelLabel: "Email: support@rogers.com",
      lastContactAt: date,
      answerDue: null,
      suggestion: { kind: "verify_first" },
      needQuestions: ["Why was I charged twice?", ".A line starting with a dot"],
      reminder: false,
    });
  return [
    await escalation("en-CA"),
    await escalation("fr-CA"),
    await welcomeEmail({
      to: "ben@example.test",
      name: "Ben",
      appUrl: "https://caseward.test",
      settingsUrl: "https://caseward.test/settings",
      locale: "fr",
    }),
    { to: "c@example.test", subject: "x".repeat(200), text: ".\n..\nplain", html: "<p>.</p>" },
  ];
}

/** nodemailer's own composition, as the mailer sent every email before. */
async function composedByNodemailer(from: string, email: OutgoingEmail, messageId: string) {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "windows",
  });
  const info = await transport.sendMail({
    from,
    textEncoding: "base64",
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId,
    date,
    baseBoundary: boundary,
  });
  return (info.message as Buffer).toString("utf8");
}

describe("buildMessage", () => {
  it("writes byte for byte the message nodemailer composes", async () => {
    for (const from of [
      "Caseward <notifications@caseward.local>",
      '"Caseward, Inc." <no-reply@caseward.test>',
      "Caseward Québec <courriel@caseward.test>",
    ]) {
      for (const [i, email] of (await samples()).entries()) {
        const messageId = `<notification-${i}@caseward.local>`;
        const built = buildMessage({ from, ...email, messageId, date }, boundary);
        expect(built.raw.toString("utf8")).toBe(await composedByNodemailer(from, email, messageId));
        expect(built.messageId).toBe(messageId);
        expect(built.envelope).toEqual({
          from: /<([^>]+)>/.exec(from)![1],
          to: [email.to],
        });
      }
    }
  });

  it("makes up a Message-ID when the email has none", () => {
    const built = buildMessage({
      from: "Caseward <notifications@caseward.local>",
      to: "a@example.test",
      subject: "Hi",
      text: "hi",
      html: "<p>hi</p>",
    });
    expect(built.messageId).toMatch(/^<[^@\s]+@caseward\.local>$/);
    expect(built.raw.toString()).toContain(`\r\nMessage-ID: ${built.messageId}\r\n`);
  });
});

describe("the SMTP mailer", () => {
  it("delivers what nodemailer's own composition delivered, as the receiver parses it", async () => {
    const sink = await startSmtpSink();
    const from = "Caseward <notifications@caseward.local>";
    const mailer = createMailer({ from, smtpUrl: sink.url, mailboxDir: "/nonexistent" });
    const reference = nodemailer.createTransport({
      host: "127.0.0.1",
      port: sink.port,
      secure: false,
      ignoreTLS: true,
    });
    try {
      const emails = await samples();
      for (const [i, email] of emails.entries()) {
        const messageId = `<notification-${i}@caseward.local>`;
        await reference.sendMail({ from, textEncoding: "base64", ...email, messageId });
        expect(await mailer.send({ ...email, messageId, userId: "u1" })).toEqual({ messageId });
      }
      expect(sink.mails).toHaveLength(emails.length * 2);
      const seen = (i: number) => {
        const mail = sink.mails[i]!;
        const headers = [...mail.headers].filter(
          ([key]) => key !== "date" && key !== "content-type",
        );
        return {
          headers,
          contentType: mail.headers.get("content-type"),
          from: mail.from?.text,
          to: mail.to,
          subject: mail.subject,
          messageId: mail.messageId,
          text: mail.text,
          html: mail.html,
          attachments: mail.attachments.length,
        };
      };
      for (let i = 0; i < emails.length; i++) {
        const before = seen(2 * i);
        const after = seen(2 * i + 1);
        expect(after.text).toBe(emails[i]!.text);
        expect(after).toEqual({
          ...before,
          // A fresh boundary per message, as nodemailer's.
          contentType: { ...(before.contentType as object), params: expect.anything() as unknown },
        });
      }
    } finally {
      mailer.close();
      reference.close();
      await sink.stop();
    }
  });
});
