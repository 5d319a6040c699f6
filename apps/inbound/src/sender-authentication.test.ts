// Mail that claims to come from the user's own address, through the real receiver (a child
// process) and the filing the worker runs: signed by the user's domain, it is filed; the same
// message altered after signing is held in the Inbox. DNS is outside Caseward: the DKIM key,
// SPF and DMARC records come from a table.
import { generateKeyPairSync, randomBytes } from "node:crypto";

import {
  createCompany,
  dnsTable,
  fileInboundMessage,
  getInboundAddress,
  listInbox,
  openCase,
} from "@caseward/core";
import { createTestUser } from "@caseward/core/testing";
import { eq, sql } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { contacts, inboundMessages, users } from "@caseward/db/schema";
import type { InboundProcess } from "@caseward/services/inbound-process";
import { spawnInbound } from "@caseward/services/inbound-process";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { deliver } from "./testing/smtp";

const domain = "inbound.localhost";
const userDomain = "mail.example.org";
const connection = createDatabase(inject("databaseUrl"), { max: 3 });
const { db } = connection;
let receiver: InboundProcess;

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const dkim = {
  domainName: userDomain,
  keySelector: "cw2026",
  privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
};
const resolver = dnsTable({
  [`cw2026._domainkey.${userDomain}`]: [
    `v=DKIM1; k=rsa; p=${publicKey.export({ type: "spki", format: "der" }).toString("base64")}`,
  ],
  [`_dmarc.${userDomain}`]: ["v=DMARC1; p=quarantine"],
  // The user's provider sends from 192.0.2.10; the test's client is 127.0.0.1.
  [userDomain]: ["v=spf1 ip4:192.0.2.10 -all"],
});

beforeAll(async () => {
  receiver = await spawnInbound({
    databaseUrl: inject("databaseUrl"),
    redisUrl: inject("redisUrl"),
    queuePrefix: `${inject("queuePrefix")}auth`,
    domain,
  });
}, 90_000);
afterAll(async () => {
  receiver?.kill("SIGKILL");
  await receiver?.exited;
  await connection.close();
});

/** A user whose account address is on `userDomain`, with one open case with Rogers. */
async function userOnOwnDomain() {
  const user = await createTestUser(db, "Sam Auth");
  const email = `sam.${user.id.slice(0, 8)}@${userDomain}`;
  await db.update(users).set({ email }).where(eq(users.id, user.id));
  const rogers = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
  const billing = await openCase(db, user.id, { companyId: rogers.id, title: "Billing error" });
  const address = await getInboundAddress(db, user.id);
  return { user, email, billing, to: `${address.token}@${domain}` };
}

/** A company reply forwarded from the user's mail program (Gmail's format). */
const forward = (email: string, messageId: string) => ({
  from: `Sam <${email}>`,
  to: "me",
  subject: "Fwd: Your Rogers case CS-4471",
  messageId,
  date: new Date("2026-12-03T15:20:00Z"),
  text: [
    "For my case.",
    "",
    "---------- Forwarded message ---------",
    "From: Rogers Support <support@rogers.com>",
    "Date: Thu, Dec 3, 2026 at 10:14 AM",
    "Subject: Your Rogers case CS-4471",
    `To: <${email}>`,
    "",
    "Hello, we have refunded the October charge. Your case number is CS-4471.",
  ].join("\r\n"),
});

async function storedMessages(ownerId: string) {
  return db
    .select({ id: inboundMessages.id, smtpClient: inboundMessages.smtpClient })
    .from(inboundMessages)
    .where(eq(inboundMessages.ownerId, ownerId));
}

describe("mail from the user's own address", () => {
  it("files it when its domain's DKIM signature verifies", async () => {
    const { user, email, billing, to } = await userOnOwnDomain();
    // Signed by nodemailer on the way, as the user's provider signs what it relays.
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: receiver.port,
      secure: false,
      ignoreTLS: true,
      name: "mx.sender.test",
      dkim,
    });
    const info = await transport.sendMail({
      ...forward(email, `<${randomBytes(8).toString("hex")}@${userDomain}>`),
      envelope: { from: email, to },
    });
    transport.close();
    expect(String(info.response)).toMatch(/^250 /);

    const [stored] = await storedMessages(user.id);
    // What SPF needs was kept with the message, encrypted.
    expect(stored!.smtpClient).toEqual({ ip: "127.0.0.1", helo: "mx.sender.test" });
    const [column] = await db.execute<{ smtp_client: string }>(
      sql`select smtp_client from inbound_messages where id = ${stored!.id}`,
    );
    expect(column!.smtp_client).not.toContain("127.0.0.1");

    const outcome = await fileInboundMessage(db, stored!.id, {
      resolver,
      receivingDomain: domain,
    });
    expect(outcome).toMatchObject({ state: "filed", caseId: billing.id, inboxReason: null });
  });

  it("holds the same message altered after signing, and says why", async () => {
    const { user, email, to } = await userOnOwnDomain();
    // The signed bytes as the user's provider would send them…
    const signer = nodemailer.createTransport({
      streamTransport: true,
      buffer: true,
      newline: "windows",
      dkim,
    });
    const signed = await signer.sendMail(
      forward(email, `<${randomBytes(8).toString("hex")}@${userDomain}>`),
    );
    // …then changed on the way: the refund becomes a request to pay.
    const tampered = (signed.message as Buffer)
      .toString("latin1")
      .replace("we have refunded the October charge", "pay the October charge at rogers-pay.co");
    expect(tampered).toContain("rogers-pay.co");
    expect((await deliver(receiver.port, tampered, to, email)).code).toBe(250);

    const [stored] = await storedMessages(user.id);
    const outcome = await fileInboundMessage(db, stored!.id, {
      resolver,
      receivingDomain: domain,
    });
    expect(outcome).toMatchObject({
      state: "inbox",
      inboxReason: "unconfirmed_sender",
      contactId: null,
    });
    expect(await db.select().from(contacts).where(eq(contacts.ownerId, user.id))).toEqual([]);
    const { entries } = await listInbox(db, user.id);
    expect(entries.map((entry) => entry.reason)).toEqual(["unconfirmed_sender"]);
    expect(entries[0]!.fromAddress).toBe(`Sam <${email}>`);
  });
});
