import nodemailer from "nodemailer";

import { maskSecret } from "../privacy/mask-secret";
import type { MailAddress, ReadMail } from "./read-mail";

/**
 * The email rebuilt as an `.eml` file: kept instead of the bytes received when those hold a
 * full card or national id number (masked here like everywhere else) or cannot be kept as
 * they are (a charset that is not UTF-8 written as 8-bit). Composed by nodemailer's stream
 * transport, which sends nothing.
 */
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });

const formatted = (address: MailAddress) =>
  ({ name: maskSecret(address.name), address: address.address }) as const;

export async function rebuiltEml(mail: ReadMail): Promise<Uint8Array> {
  const info = await composer.sendMail({
    from: mail.from ? formatted(mail.from) : undefined,
    to: mail.to.map(formatted),
    cc: mail.cc.map(formatted),
    subject: maskSecret(mail.subject),
    date: mail.date ?? undefined,
    messageId: mail.messageId ?? undefined,
    inReplyTo: mail.inReplyTo ?? undefined,
    references: mail.references,
    text: maskSecret(mail.text),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return new Uint8Array(info.message as Buffer);
}
