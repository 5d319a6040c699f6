import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { mailLimits, readMail } from "./read-mail";
import { understandMail } from "./understand-mail";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const user = { own: ["sam.tremblay@gmail.com"], receivingDomain: "in.caseward.test" };

describe("reading a raw email", () => {
  it("reads the headers, the ids and the text of a plain message", async () => {
    const reading = await readMail(fixture("thunderbird-forward.eml"));
    if (!reading.readable) throw new Error(reading.problem);
    expect(reading.mail.from).toEqual({ address: "sam@fastmail.com", name: "Sam Tremblay" });
    expect(reading.mail.to[0]?.address).toBe("k7f3qv2m9x4t1a8c@in.caseward.test");
    expect(reading.mail.date?.toISOString()).toBe("2026-12-04T01:15:33.000Z");
    expect(reading.mail.messageId).toBe("<8b2e5a0c-3f61-4d2a-9b7e-1c0d5e6f7a81@fastmail.com>");
    expect(reading.mail.inReplyTo).toBe("<20261203150102.4F2A1C0042@mail.telconorth.com>");
    expect(reading.mail.references).toEqual(["<20261203150102.4F2A1C0042@mail.telconorth.com>"]);
  });

  it("reads an ISO-8859-1 French message with its accents", async () => {
    const reading = await readMail(fixture("outlook-web-forward-french.eml"));
    if (!reading.readable) throw new Error(reading.problem);
    expect(reading.mail.subject).toBe("TR\u00a0: Votre demande de remboursement");
    expect(reading.mail.text).toContain("Service client Hydro Lumière");
    expect(reading.mail.text).toContain("Nous avons bien reçu votre demande.");
    expect(reading.mail.text).not.toContain("\ufffd");
  });

  it("turns an HTML-only body into readable text", async () => {
    const reading = await readMail(fixture("html-only-gmail-forward.eml"));
    if (!reading.readable) throw new Error(reading.problem);
    expect(reading.mail.text).toContain("Your baggage claim has been approved.");
    expect(reading.mail.text).not.toMatch(/<\/?(p|td|div|b)\b/);
    expect(reading.mail.text).not.toContain("margin:0");
  });

  it("keeps a message attached whole apart from the files", async () => {
    const reading = await readMail(fixture("attached-rfc822.eml"));
    if (!reading.readable) throw new Error(reading.problem);
    expect(reading.mail.attachments).toEqual([]);
    expect(reading.mail.attachedMessages).toHaveLength(1);
  });

  it("drops NUL bytes and control characters from the text", async () => {
    const raw = Buffer.from(
      "From: a@b.com\r\nTo: c@d.com\r\nSubject: hi\x00there\r\n\r\nline one\x00\x07 and two\r\n",
    );
    const reading = await readMail(raw);
    if (!reading.readable) throw new Error(reading.problem);
    expect(reading.mail.text).toBe("line one and two");
    expect(reading.mail.subject).toBe("hithere");
  });

  const bad: [string, Buffer, RegExp][] = [
    ["an empty message", Buffer.alloc(0), /empty/],
    [
      "a header bomb",
      Buffer.from(
        `Subject: x\r\n${"X-Bomb: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(20_000)}\r\nbody`,
      ),
      /headers are too large|too many header lines/,
    ],
    [
      "ten thousand parts",
      Buffer.from(
        `From: a@b.com\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${"--b\r\nContent-Type: text/plain\r\n\r\nx\r\n".repeat(10_000)}--b--\r\n`,
      ),
      /too many parts/,
    ],
    [
      "ten thousand recipients",
      Buffer.from(
        `From: a@b.com\r\nTo: ${Array.from({ length: 10_000 }, (_, i) => `r${i}@example.com`).join(", ")}\r\nSubject: x\r\n\r\nhello\r\n`,
      ),
      /too many recipients/,
    ],
    ["bytes that are no email", Buffer.from("\x00\x01\x02 not mail at all"), /not an email/],
  ];
  it.each(bad)("%s is unreadable, with a sentence saying why", async (_name, raw, problem) => {
    const reading = await readMail(raw);
    expect(reading.readable).toBe(false);
    if (!reading.readable) expect(reading.problem).toMatch(problem);
  });

  it("reads an endless line without choking", async () => {
    const raw = Buffer.from(`From: a@b.com\r\nSubject: x\r\n\r\n${"y".repeat(3_000_000)}\r\n`);
    const reading = await readMail(raw);
    if (!reading.readable) throw new Error(reading.problem);
    expect(reading.mail.text.length).toBe(mailLimits.maxTextChars);
  });
});

describe("which way a mail went", () => {
  it("mail the user sent to a company with Caseward in BCC is outbound, to the company", async () => {
    const understood = await understandMail(fixture("bcc-outbound.eml"), {
      timeZone: "America/Toronto",
      user,
    });
    if (!understood.readable) throw new Error(understood.problem);
    expect(understood.contact.direction).toBe("outbound");
    expect(understood.contact.companyAddress?.address).toBe("support@rogers.com");
    expect(understood.contact.original.date?.toISOString()).toBe("2026-11-30T21:00:00.000Z");
    expect(understood.contact.forwardFormat).toBeNull();
  });

  it("a company's mail the user forwards is inbound, from the original sender", async () => {
    const understood = await understandMail(fixture("gmail-forward.eml"), {
      timeZone: "America/Toronto",
      user,
    });
    if (!understood.readable) throw new Error(understood.problem);
    expect(understood.contact.direction).toBe("inbound");
    expect(understood.contact.companyAddress?.address).toBe("support@rogers.com");
    expect(understood.contact.note).toBe("For my case.");
  });

  it("the user's own sent mail, forwarded, is outbound to its recipient", async () => {
    const raw = Buffer.from(
      [
        "From: Sam Tremblay <sam.tremblay@gmail.com>",
        "To: k7f3qv2m9x4t1a8c@in.caseward.test",
        "Subject: Fwd: My complaint",
        "Date: Fri, 4 Dec 2026 09:00:00 -0500",
        "",
        "---------- Forwarded message ---------",
        "From: Sam Tremblay <sam.tremblay@gmail.com>",
        "Date: Thu, Dec 3, 2026 at 4:00 PM",
        "Subject: My complaint",
        "To: Rogers Support <support@rogers.com>",
        "",
        "Please fix my bill.",
        "",
      ].join("\r\n"),
    );
    const understood = await understandMail(raw, { timeZone: "America/Toronto", user });
    if (!understood.readable) throw new Error(understood.problem);
    expect(understood.contact.direction).toBe("outbound");
    expect(understood.contact.companyAddress?.address).toBe("support@rogers.com");
  });
});
