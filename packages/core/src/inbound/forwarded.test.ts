import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import type { ForwardFormat } from "./forwarded";
import { forwardedOf } from "./forwarded";
import { readMail } from "./read-mail";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const timeZone = "America/Toronto";

async function forwarded(name: string) {
  const reading = await readMail(fixture(name));
  if (!reading.readable) throw new Error(reading.problem);
  return forwardedOf(reading.mail, { timeZone });
}

describe("forwarded mail: the original sender, date, subject and text of each client's format", () => {
  const cases: {
    file: string;
    format: ForwardFormat;
    from: string;
    date: string;
    subject: string;
    text: string;
  }[] = [
    {
      file: "gmail-forward.eml",
      format: "gmail",
      from: "support@rogers.com",
      // Gmail prints the date on its user's clock, without an offset: Toronto, EST.
      date: "2026-12-01T15:14:00.000Z",
      subject: "Your Rogers case #CS-48213",
      text: "A credit will be applied to your account within 5 business days.",
    },
    {
      file: "html-only-gmail-forward.eml",
      format: "gmail",
      from: "claims@airnorth.ca",
      date: "2026-12-02T21:40:00.000Z",
      subject: "Update on your claim",
      text: "Your baggage claim has been approved.",
    },
    {
      file: "outlook-desktop-forward.eml",
      format: "outlook",
      from: "techsupport@rogers.com",
      date: "2026-12-02T14:05:00.000Z",
      subject: "Ticket 5521907 - Internet outage",
      text: "A technician will call you by December 10 to book a visit.",
    },
    {
      file: "outlook-web-forward.eml",
      format: "outlook",
      from: "clientservices@maplebank.ca",
      date: "2026-11-30T19:47:00.000Z",
      subject: "Your refund request, reference RF-300812",
      text: "We will reply within 10 business days.",
    },
    {
      file: "outlook-web-forward-french.eml",
      format: "outlook",
      from: "service@hydrolumiere.ca",
      date: "2026-12-02T20:30:00.000Z",
      subject: "Votre demande de remboursement",
      text: "Votre numéro de dossier est HL-884410. Un agent communiquera avec vous d'ici le 15 décembre.",
    },
    {
      file: "apple-mail-forward.eml",
      format: "apple_mail",
      from: "support@rogers.com",
      date: "2026-12-03T19:31:45.000Z",
      subject: "Your Rogers case #CS-48213",
      text: "The credit of $48.20 has been applied to your account.",
    },
    {
      file: "thunderbird-forward.eml",
      format: "thunderbird",
      from: "complaints@telconorth.com",
      date: "2026-12-03T15:01:02.000Z",
      subject: "Confirmation of your complaint",
      text: "Confirmation number: TN-C-104233.",
    },
    {
      file: "attached-rfc822.eml",
      format: "attached_message",
      from: "orders@shopright.com",
      date: "2026-12-02T15:45:00.000Z",
      subject: "Your order was cancelled",
      // Windows-1252: curly apostrophes, the euro sign and the en dash read as written.
      text: "We\u2019re sorry: your order #88412 was cancelled",
    },
  ];

  it.each(cases)("$file → $format, from $from", async (expected) => {
    const found = await forwarded(expected.file);
    expect(found).not.toBeNull();
    expect(found!.format).toBe(expected.format);
    expect(found!.original.from?.address).toBe(expected.from);
    expect(found!.original.date?.toISOString()).toBe(expected.date);
    expect(found!.original.subject).toBe(expected.subject);
    expect(found!.original.text).toContain(expected.text);
  });

  it("reads Windows-1252 punctuation in an attached message", async () => {
    const found = await forwarded("attached-rfc822.eml");
    expect(found!.original.text).toContain("refund of \u20ac40.00");
    expect(found!.original.text).toContain("\u2013 ShopRight Orders");
    expect(found!.original.messageId).toBe("<order-cancel-88412@shopright.com>");
  });

  it("keeps the forwarded date on the user's clock when the client wrote none", async () => {
    const reading = await readMail(fixture("gmail-forward.eml"));
    if (!reading.readable) throw new Error(reading.problem);
    const inParis = await forwardedOf(reading.mail, { timeZone: "Europe/Paris" });
    expect(inParis!.original.date?.toISOString()).toBe("2026-12-01T09:14:00.000Z");
  });

  it("a mail the user wrote themselves is not a forward", async () => {
    expect(await forwarded("bcc-outbound.eml")).toBeNull();
  });
});
