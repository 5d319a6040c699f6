import { readFileSync } from "node:fs";

import { and, eq } from "@caseward/db";
import {
  attachments,
  cases,
  contacts,
  inboundMessages,
  inboundRawChunks,
  redFlags,
  timers,
} from "@caseward/db/schema";
import { createDatabase } from "@caseward/db/client";
import { describe, expect, inject, it } from "vitest";

import { readWholeFile } from "../attachments/file-store";
import { openCase } from "../cases/case-service";
import { createCompany } from "../companies/company-service";
import { findFullSecret } from "../privacy/find-full-secret";
import { createTestUser, refusalOf, useTestDatabase } from "../testing";
import { getInboundAddress } from "./addresses";
import { fileEmlOnCase } from "./file-eml";
import { fileInboundMessage } from "./file-message";
import { dnsTable } from "./sender-authentication";
import { discardFromInbox, fileFromInbox, listInbox, openCaseFromInbox } from "./inbox-service";
import { storeInboundMessage } from "./store";

const db = useTestDatabase();
const receivingDomain = "in.caseward.test";

// The fixtures' user writes from several mail services; each test's user is a new account.
const fixtureUsers = [
  "sam.tremblay@gmail.com",
  "sam.tremblay@outlook.com",
  "sam.tremblay@icloud.com",
  "sam@fastmail.com",
];

function fixture(name: string, email: string, edit: (text: string) => string = (t) => t) {
  let text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "latin1");
  for (const address of fixtureUsers) text = text.replaceAll(address, email);
  return Buffer.from(edit(text), "latin1");
}

async function setUp() {
  const user = await createTestUser(db);
  const rogers = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
  const billing = await openCase(db, user.id, { companyId: rogers.id, title: "Billing error" });
  const address = await getInboundAddress(db, user.id);
  return { user, rogers, billing, address };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

async function receive(setup: Setup, raw: Buffer, caseId: string | null = null) {
  const messageId = /^message-id:\s*(.+)$/im.exec(raw.toString("latin1"))?.[1]?.trim() ?? null;
  const stored = await storeInboundMessage(db, {
    ownerId: setup.user.id,
    addressId: setup.address.id,
    caseId,
    envelopeFrom: setup.user.email,
    messageId,
    raw,
  });
  return fileInboundMessage(db, stored.id, { receivingDomain });
}

const contactsOf = (caseId: string) =>
  db.select().from(contacts).where(eq(contacts.caseId, caseId));

describe("filing inbound mail (real PostgreSQL)", () => {
  it("mail from the user's address that its domain disowns (DMARC p=reject) is held, not filed; without a record it is filed", async () => {
    const setup = await setUp();
    const userDomain = setup.user.email.split("@")[1]!;
    const store = (raw: Buffer) =>
      storeInboundMessage(db, {
        ownerId: setup.user.id,
        addressId: setup.address.id,
        caseId: null,
        envelopeFrom: setup.user.email,
        smtpClient: { ip: "203.0.113.9", helo: "mx.elsewhere.test" },
        messageId: null,
        raw,
      });
    const forged = await store(fixture("bcc-outbound.eml", setup.user.email));
    const held = await fileInboundMessage(db, forged.id, {
      receivingDomain,
      resolver: dnsTable({ [`_dmarc.${userDomain}`]: ["v=DMARC1; p=reject"] }),
    });
    expect(held).toMatchObject({ state: "inbox", inboxReason: "unconfirmed_sender" });
    expect(await contactsOf(setup.billing.id)).toEqual([]);

    // The same mail where the domain publishes no DMARC record: filed as before the check.
    const plain = await store(
      fixture("bcc-outbound.eml", setup.user.email, (t) => t.replace("Subject: ", "Subject: Re: ")),
    );
    const filed = await fileInboundMessage(db, plain.id, {
      receivingDomain,
      resolver: dnsTable({}),
    });
    expect(filed).toMatchObject({ state: "filed", caseId: setup.billing.id });
  });

  it("mail the user sent with Caseward in BCC is an outbound email contact that starts the response window", async () => {
    const setup = await setUp();
    const outcome = await receive(setup, fixture("bcc-outbound.eml", setup.user.email));
    expect(outcome).toMatchObject({ state: "filed", caseId: setup.billing.id, already: false });
    const [contact] = await contactsOf(setup.billing.id);
    expect(contact).toMatchObject({ direction: "outbound", channelKind: "email" });
    expect(contact!.startedAt.toISOString()).toBe("2026-11-30T21:00:00.000Z");
    expect(contact!.notes).toContain("Email to Rogers Support <support@rogers.com>");
    expect(contact!.transcript).toContain("My October invoice charges me twice");
    const [window] = await db
      .select()
      .from(timers)
      .where(and(eq(timers.caseId, setup.billing.id), eq(timers.kind, "response_window")));
    expect(window?.contactId).toBe(contact!.id);
  });

  it("a forwarded company reply is inbound: it satisfies the window, proposes the reference and the promise", async () => {
    const setup = await setUp();
    await receive(setup, fixture("bcc-outbound.eml", setup.user.email));
    const outcome = await receive(setup, fixture("gmail-forward.eml", setup.user.email));
    expect(outcome?.state).toBe("filed");
    const inbound = (await contactsOf(setup.billing.id)).find((c) => c.direction === "inbound");
    expect(inbound).toMatchObject({ channelKind: "email", referenceNumber: "CS-48213" });
    expect(inbound!.startedAt.toISOString()).toBe("2026-12-01T15:14:00.000Z");
    expect(inbound!.notes).toContain(
      "Email from Rogers Support <support@rogers.com>, forwarded from Gmail.",
    );
    expect(inbound!.notes).toContain("Your note when forwarding: For my case.");
    expect(inbound!.promisedFollowUp).toBe(
      "A credit will be applied to your account within 5 business days.",
    );
    expect(inbound!.followUpDueAt?.toISOString()).toBe("2026-12-08T15:14:00.000Z");
    const windows = await db
      .select({ status: timers.status })
      .from(timers)
      .where(and(eq(timers.caseId, setup.billing.id), eq(timers.kind, "response_window")));
    expect(windows.map((w) => w.status)).toEqual(["satisfied"]);
    const [files] = await db
      .select({ kind: attachments.kind, fileName: attachments.fileName })
      .from(attachments)
      .where(eq(attachments.contactId, inbound!.id));
    expect(files).toEqual({ kind: "email", fileName: "email.eml" });
    // From rogers.com itself: no warning sign.
    const flags = await db.select().from(redFlags).where(eq(redFlags.contactId, inbound!.id));
    expect(flags).toEqual([]);
  });

  it("files a forwarded reply reading the user's addresses once and the case's company twice", async () => {
    const setup = await setUp();
    await receive(setup, fixture("bcc-outbound.eml", setup.user.email));
    const raw = fixture("gmail-forward.eml", setup.user.email);
    const stored = await storeInboundMessage(db, {
      ownerId: setup.user.id,
      addressId: setup.address.id,
      caseId: null,
      envelopeFrom: setup.user.email,
      messageId: null,
      raw,
    });
    const statements: string[] = [];
    const counted = createDatabase(inject("databaseUrl"), {
      max: 1,
      onStatement: (text) => statements.push(text),
    });
    try {
      const outcome = await fileInboundMessage(counted.db, stored.id, { receivingDomain });
      expect(outcome).toMatchObject({ state: "filed", caseId: setup.billing.id });
    } finally {
      await counted.close();
    }
    const reads = (table: string) =>
      statements.filter((text) => text.startsWith(`select`) && text.includes(`from "${table}"`))
        .length;
    // Each statement is a round trip and a write to PostgreSQL's socket, the largest part of a
    // filing's CPU (docs/benchmarks.md, inbound mail): nothing is read twice.
    // The settings: for the mail's dates, then in the locked case's snapshot of its deadlines.
    expect(reads("user_settings")).toBe(2);
    expect(reads("users")).toBe(1);
    expect(reads("sender_addresses")).toBe(1);
    expect(reads("companies")).toBe(2); // the company's domains and name; its complaint body
    expect(statements.length).toBeLessThanOrEqual(35);
  });

  it("the same message filed twice, or twice at once, is one contact", async () => {
    const setup = await setUp();
    const raw = fixture("gmail-forward.eml", setup.user.email);
    const stored = await storeInboundMessage(db, {
      ownerId: setup.user.id,
      addressId: setup.address.id,
      caseId: null,
      envelopeFrom: "",
      messageId: "<CAH8yC8k2x9Qm=Fwd1@mail.gmail.com>",
      raw,
    });
    const [a, b] = await Promise.all([
      fileInboundMessage(db, stored.id, { receivingDomain }),
      fileInboundMessage(db, stored.id, { receivingDomain }),
    ]);
    const again = await fileInboundMessage(db, stored.id, { receivingDomain });
    expect([a?.already, b?.already].sort()).toEqual([false, true]);
    expect(again).toMatchObject({
      state: "filed",
      already: true,
      contactId: a!.contactId ?? b!.contactId,
    });
    expect(await contactsOf(setup.billing.id)).toHaveLength(1);
  });

  it("over the file quota the email is still filed: its files are left out, and the contact says why", async () => {
    const setup = await setUp();
    const raw = fixture("gmail-forward.eml", setup.user.email);
    const stored = await storeInboundMessage(db, {
      ownerId: setup.user.id,
      addressId: setup.address.id,
      caseId: null,
      envelopeFrom: "",
      messageId: "<quota-1@mail.gmail.com>",
      raw,
    });
    // Room for 200 bytes: the email's .eml (over 800) does not fit.
    const outcome = await fileInboundMessage(db, stored.id, { receivingDomain, quotaBytes: 200 });
    expect(outcome).toMatchObject({ state: "filed", already: false, filesNotKept: 1 });
    const [contact] = await contactsOf(setup.billing.id);
    expect(contact?.direction).toBe("inbound");
    expect(contact!.notes).toContain(
      "Not kept from this email: the original email (email.eml): There is no room for this file: your files use 0 bytes of the 200 bytes an account can keep.",
    );
    expect(
      await db.select().from(attachments).where(eq(attachments.contactId, contact!.id)),
    ).toEqual([]);
    // The original stays with the message: nothing of the email is lost.
    const chunks = await db
      .select({ id: inboundRawChunks.inboundMessageId })
      .from(inboundRawChunks)
      .where(eq(inboundRawChunks.inboundMessageId, stored.id));
    expect(chunks).toHaveLength(1);
  });

  describe("matching, in order", () => {
    it("the case's own address files there even when the company has several open cases", async () => {
      const setup = await setUp();
      const other = await openCase(db, setup.user.id, {
        companyId: setup.rogers.id,
        title: "Outage",
      });
      const outcome = await receive(
        setup,
        fixture("gmail-forward.eml", setup.user.email),
        other.id,
      );
      expect(outcome).toMatchObject({ state: "filed", caseId: other.id });
    });

    it("a case's own address takes the company's own mail from its official domain", async () => {
      const setup = await setUp();
      const raw = fixture("bcc-outbound.eml", setup.user.email, (t) =>
        t
          .replace(
            `From: Sam Tremblay <${setup.user.email}>`,
            "From: Rogers Support <support@rogers.com>",
          )
          .replace("To: Rogers Support <support@rogers.com>", `To: Sam <${setup.user.email}>`),
      );
      const outcome = await receive(setup, raw, setup.billing.id);
      expect(outcome).toMatchObject({ state: "filed", caseId: setup.billing.id });
      const [contact] = await contactsOf(setup.billing.id);
      expect(contact?.direction).toBe("inbound");
    });

    it("the thread: a reply to a filed message goes to that message's case", async () => {
      const setup = await setUp();
      const outage = await openCase(db, setup.user.id, {
        companyId: setup.rogers.id,
        title: "Outage",
      });
      await receive(setup, fixture("bcc-outbound.eml", setup.user.email), outage.id);
      // The company's reply, forwarded as an attachment: it answers the BCC'd message.
      const raw = fixture("attached-rfc822.eml", setup.user.email, (t) =>
        t
          .replace(
            "From: ShopRight Orders <orders@shopright.com>",
            "From: Rogers <support@rogers.com>",
          )
          .replace(
            "Message-ID: <order-cancel-88412@shopright.com>",
            "Message-ID: <reply-1@rogers.com>\nIn-Reply-To: <CAH8yC8k2x9Qm=Sent42@mail.gmail.com>",
          ),
      );
      const outcome = await receive(setup, raw);
      expect(outcome).toMatchObject({ state: "filed", caseId: outage.id });
    });

    it("the company's one open case, by the sender's registrable domain", async () => {
      const setup = await setUp();
      const outcome = await receive(
        setup,
        fixture("outlook-desktop-forward.eml", setup.user.email),
      );
      expect(outcome).toMatchObject({ state: "filed", caseId: setup.billing.id });
    });

    it("several open cases with the company → the Inbox, with the company suggested", async () => {
      const setup = await setUp();
      const outage = await openCase(db, setup.user.id, {
        companyId: setup.rogers.id,
        title: "Outage",
      });
      const outcome = await receive(setup, fixture("gmail-forward.eml", setup.user.email));
      expect(outcome).toMatchObject({ state: "inbox", inboxReason: "several_cases" });
      const [entry] = (await listInbox(db, setup.user.id)).entries;
      expect(entry).toMatchObject({
        reason: "several_cases",
        fromAddress: "Rogers Support <support@rogers.com>",
        subject: "Your Rogers case #CS-48213",
        suggestedCompanyName: "Rogers",
      });
      expect(entry!.suggestedCases.map((c) => c.id).sort()).toEqual(
        [setup.billing.id, outage.id].sort(),
      );
    });

    it("no company with that domain → the Inbox, nothing suggested", async () => {
      const setup = await setUp();
      const outcome = await receive(setup, fixture("thunderbird-forward.eml", setup.user.email));
      expect(outcome).toMatchObject({ state: "inbox", inboxReason: "no_match" });
    });

    it("an address we don't know → the Inbox, never filed on its own", async () => {
      const setup = await setUp();
      // Not the user's address: someone else forwarding a Rogers mail to the private address.
      const outcome = await receive(setup, fixture("gmail-forward.eml", "stranger@example.com"));
      expect(outcome).toMatchObject({ state: "inbox", inboxReason: "unknown_sender" });
      const [entry] = (await listInbox(db, setup.user.id)).entries;
      expect(entry).toMatchObject({
        fromAddress: "Sam Tremblay <stranger@example.com>",
        reason: "unknown_sender",
      });
      expect(await contactsOf(setup.billing.id)).toHaveLength(0);
    });

    it("an unreadable message → the Inbox as unreadable", async () => {
      const setup = await setUp();
      const raw = Buffer.from(`Subject: x\r\n${"X-Bomb: a\r\n".repeat(40_000)}\r\nbody`);
      const outcome = await receive(setup, raw);
      expect(outcome).toMatchObject({ state: "inbox", inboxReason: "unreadable" });
    });
  });

  it("a lookalike sender raises a red flag; the SIN and card in the text are masked everywhere", async () => {
    const setup = await setUp();
    const outcome = await receive(
      setup,
      fixture("lookalike-forward.eml", setup.user.email),
      setup.billing.id,
    );
    expect(outcome?.state).toBe("filed");
    const [contact] = await contactsOf(setup.billing.id);
    expect(contact!.notes).toContain("Warning: This email's sender only looks like Rogers:");
    expect(contact!.notes).toContain("Warning: A link in this email only looks like Rogers's site");
    expect(contact!.transcript).toContain("SIN ••• ••• 286");
    expect(findFullSecret(contact!.transcript!)).toBeNull();
    const flags = await db
      .select({ kind: redFlags.kind, source: redFlags.source })
      .from(redFlags)
      .where(eq(redFlags.contactId, contact!.id));
    expect(flags).toEqual(
      expect.arrayContaining([
        { kind: "inbound_unverified", source: "inbound" },
        { kind: "asked_one_time_code", source: "scanned" },
        { kind: "pressure_to_act_now", source: "scanned" },
      ]),
    );
    const [eml] = await db.select().from(attachments).where(eq(attachments.contactId, contact!.id));
    const kept = await readWholeFile(db, {
      attachmentId: eml!.id,
      ownerId: setup.user.id,
      part: "content",
      sizeBytes: eml!.sizeBytes,
    });
    expect(kept.toString("utf8")).not.toContain("046 454 286");
    expect(findFullSecret(kept.toString("utf8"))).toBeNull();
    const [row] = await db
      .select({ subject: inboundMessages.subject })
      .from(inboundMessages)
      .where(eq(inboundMessages.contactId, contact!.id));
    expect(row?.subject).toBe("Urgent: confirm your identity");
  });

  it("keeps a PDF sent with the mail and skips a zip, saying so", async () => {
    const setup = await setUp();
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").toString("base64");
    const zip = Buffer.from("PK\x03\x04\x14\x00\x00\x00\x08\x00", "latin1").toString("base64");
    const raw = Buffer.from(
      [
        `From: Sam <${setup.user.email}>`,
        "To: Rogers Support <support@rogers.com>",
        "Subject: My invoice",
        "Date: Mon, 30 Nov 2026 16:00:00 -0500",
        "Message-ID: <with-files-1@example.test>",
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="b1"',
        "",
        "--b1",
        "Content-Type: text/plain",
        "",
        "See the invoice attached.",
        "--b1",
        'Content-Type: application/pdf; name="invoice.pdf"',
        'Content-Disposition: attachment; filename="invoice.pdf"',
        "Content-Transfer-Encoding: base64",
        "",
        pdf,
        "--b1",
        'Content-Type: application/zip; name="photos.zip"',
        'Content-Disposition: attachment; filename="photos.zip"',
        "Content-Transfer-Encoding: base64",
        "",
        zip,
        "--b1--",
        "",
      ].join("\r\n"),
    );
    const outcome = await receive(setup, raw);
    expect(outcome?.state).toBe("filed");
    const files = await db
      .select({ fileName: attachments.fileName, kind: attachments.kind })
      .from(attachments)
      .where(eq(attachments.contactId, outcome!.contactId!));
    expect(files.map((f) => f.fileName).sort()).toEqual(["email.eml", "invoice.pdf"]);
    const [contact] = await contactsOf(setup.billing.id);
    expect(contact!.notes).toMatch(/Not kept from this email: photos\.zip: We could not recognise/);
  });

  describe("the Inbox", () => {
    it("files an email into a case in one step, then it leaves the Inbox", async () => {
      const setup = await setUp();
      await openCase(db, setup.user.id, { companyId: setup.rogers.id, title: "Outage" });
      const held = await receive(setup, fixture("gmail-forward.eml", setup.user.email));
      const filed = await fileFromInbox(db, setup.user.id, {
        inboundMessageId: held!.inboundMessageId,
        caseId: setup.billing.id,
      });
      expect(filed).toMatchObject({ state: "filed", caseId: setup.billing.id });
      expect((await listInbox(db, setup.user.id)).entries).toEqual([]);
      expect(
        await refusalOf(
          fileFromInbox(db, setup.user.id, {
            inboundMessageId: held!.inboundMessageId,
            caseId: setup.billing.id,
          }),
        ),
      ).toBe("CONFLICT");
      expect(await contactsOf(setup.billing.id)).toHaveLength(1);
    });

    it("opens a new case from an email", async () => {
      const setup = await setUp();
      const held = await receive(setup, fixture("gmail-forward.eml", "stranger@example.com"));
      const filed = await openCaseFromInbox(db, setup.user.id, {
        inboundMessageId: held!.inboundMessageId,
        companyId: setup.rogers.id,
        title: "Credit on my invoice",
      });
      const [opened] = await db.select().from(cases).where(eq(cases.id, filed.caseId!));
      expect(opened?.title).toBe("Credit on my invoice");
      expect(await contactsOf(opened!.id)).toHaveLength(1);
    });

    it("discards an email; another user's email is not found and stays", async () => {
      const setup = await setUp();
      const stranger = await createTestUser(db);
      const held = await receive(setup, fixture("gmail-forward.eml", "stranger@example.com"));
      expect(
        await refusalOf(
          discardFromInbox(db, stranger.id, { inboundMessageId: held!.inboundMessageId }),
        ),
      ).toBe("NOT_FOUND");
      expect(
        await refusalOf(
          fileFromInbox(db, stranger.id, {
            inboundMessageId: held!.inboundMessageId,
            caseId: setup.billing.id,
          }),
        ),
      ).toBe("NOT_FOUND");
      expect((await listInbox(db, setup.user.id)).entries).toHaveLength(1);
      await discardFromInbox(db, setup.user.id, { inboundMessageId: held!.inboundMessageId });
      expect((await listInbox(db, setup.user.id)).entries).toEqual([]);
    });
  });

  it("an .eml dropped on a case is filed there through the same path, once", async () => {
    const setup = await setUp();
    const outage = await openCase(db, setup.user.id, {
      companyId: setup.rogers.id,
      title: "Outage",
    });
    const raw = fixture("apple-mail-forward.eml", setup.user.email);
    const outcome = await fileEmlOnCase(db, setup.user.id, { caseId: outage.id, bytes: raw });
    expect(outcome).toMatchObject({ state: "filed", caseId: outage.id });
    const [contact] = await contactsOf(outage.id);
    expect(contact).toMatchObject({ direction: "inbound", channelKind: "email" });
    expect(contact!.notes).toContain("forwarded from Apple Mail");
    expect(
      await refusalOf(fileEmlOnCase(db, setup.user.id, { caseId: outage.id, bytes: raw })),
    ).toBe("CONFLICT");
    expect(
      await refusalOf(
        fileEmlOnCase(db, setup.user.id, { caseId: outage.id, bytes: Buffer.from("%PDF-1.4") }),
      ),
    ).toBe("BAD_REQUEST");
    const stranger = await createTestUser(db);
    expect(await refusalOf(fileEmlOnCase(db, stranger.id, { caseId: outage.id, bytes: raw }))).toBe(
      "NOT_FOUND",
    );
  });
});
