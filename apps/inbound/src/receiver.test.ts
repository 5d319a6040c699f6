// The real inbound receiver (a child process, as `pnpm start` runs it) spoken to over real
// SMTP sessions: nodemailer as the sending server, a raw socket for what no client would send.
import { randomBytes } from "node:crypto";

import {
  getCaseInboundAddress,
  getInboundAddress,
  openCase,
  createCompany,
  readInboundRaw,
  rotateInboundAddress,
} from "@caseward/core";
import { createTestUser } from "@caseward/core/testing";
import { eq, sql } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { inboundMessages } from "@caseward/db/schema";
import type { InboundProcess } from "@caseward/services/inbound-process";
import { spawnInbound } from "@caseward/services/inbound-process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { deliver, message, rawSession } from "./testing/smtp";

const domain = "inbound.localhost";
const connection = createDatabase(inject("databaseUrl"), { max: 3 });
const { db } = connection;
let receiver: InboundProcess;

beforeAll(async () => {
  receiver = await spawnInbound({
    databaseUrl: inject("databaseUrl"),
    redisUrl: inject("redisUrl"),
    queuePrefix: `${inject("queuePrefix")}rx`,
    domain,
  });
}, 90_000);
afterAll(async () => {
  receiver?.kill("SIGKILL");
  await receiver?.exited;
  await connection.close();
});

/** A user with their private address (`token@domain`). */
async function userWithAddress(name: string) {
  const user = await createTestUser(db, name);
  const address = await getInboundAddress(db, user.id);
  return { user, address, to: `${address.token}@${domain}` };
}

const mail = (subject: string, body = "Your refund is on its way.") =>
  message(
    {
      From: "Rogers Support <help@rogers.com>",
      To: "me@example.com",
      Subject: subject,
      Date: "Thu, 3 Dec 2026 10:00:00 -0500",
      "Message-ID": `<${randomBytes(8).toString("hex")}@rogers.com>`,
    },
    body,
  );

async function messagesOf(ownerId: string) {
  return db
    .select({
      id: inboundMessages.id,
      caseId: inboundMessages.caseId,
      state: inboundMessages.state,
      sizeBytes: inboundMessages.sizeBytes,
      envelopeFrom: inboundMessages.envelopeFrom,
    })
    .from(inboundMessages)
    .where(eq(inboundMessages.ownerId, ownerId));
}

describe("the inbound receiver", () => {
  it("advertises SIZE 25 MB, no AUTH and no STARTTLS without a certificate", async () => {
    const session = await rawSession(receiver.port);
    const [greeting] = await session.read();
    expect(greeting).toMatch(/^220 inbound\.localhost /);
    await session.write("EHLO client.example\r\n");
    await session.read();
    session.close();
    const ehlo = session.transcript();
    expect(ehlo).toMatch(new RegExp(`^250[- ]SIZE ${25 * 1024 * 1024}\r$`, "m"));
    expect(ehlo).toContain("ENHANCEDSTATUSCODES");
    expect(ehlo).not.toMatch(/STARTTLS|AUTH/);
  });

  it("stores a message before its 250, byte for byte, and encrypted", async () => {
    const { user, to } = await userWithAddress("Rx Stored");
    const raw = mail("Your case 7781", "The quokkacanoe refund is late.");
    const answer = await deliver(receiver.port, raw, to, "me@example.com");
    expect(answer.code).toBe(250);
    expect(answer.response).toMatch(/^250 2\.6\.0 /);
    // Stored before the answer: no waiting here.
    const rows = await messagesOf(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ caseId: null, envelopeFrom: "me@example.com" });
    expect(rows[0]!.sizeBytes).toBe(Buffer.byteLength(raw));
    expect((await readInboundRaw(db, user.id, rows[0]!.id)).toString("latin1")).toBe(raw);
    const [stored] = await db.execute<{ chunks: string }>(
      sql`select string_agg(encode(sealed, 'escape'), '') as chunks from inbound_raw_chunks where inbound_message_id = ${rows[0]!.id}`,
    );
    expect(stored!.chunks).not.toContain("quokkacanoe");
  });

  it("files mail to a case's own address under that case, in any letter case", async () => {
    const { user } = await userWithAddress("Rx Case");
    const company = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
    const opened = await openCase(db, user.id, { companyId: company.id, title: "Outage" });
    const { address } = await getCaseInboundAddress(db, user.id, opened.id, domain);
    const answer = await deliver(receiver.port, mail("Re: outage"), address.toUpperCase());
    expect(answer.code).toBe(250);
    expect(await messagesOf(user.id)).toEqual([expect.objectContaining({ caseId: opened.id })]);
  });

  it("stores the same message delivered twice once, and answers 250 both times", async () => {
    const { user, to } = await userWithAddress("Rx Twice");
    const raw = mail("Twice");
    expect((await deliver(receiver.port, raw, to)).code).toBe(250);
    // A relay's retry: the same Message-ID, another Received line on top.
    const retried = `Received: from relay.example.net by mx\r\n${raw}`;
    expect((await deliver(receiver.port, retried, to)).code).toBe(250);
    expect(await messagesOf(user.id)).toHaveLength(1);
  });

  it("refuses an unknown address, another domain and a revoked address with 550 5.1.1", async () => {
    const { user, address, to } = await userWithAddress("Rx Revoked");
    const unknown = await deliver(receiver.port, mail("x"), `${"a".repeat(32)}@${domain}`);
    expect(unknown.code).toBe(550);
    expect(unknown.response).toMatch(/^550 5\.1\.1 /);
    const elsewhere = await deliver(receiver.port, mail("x"), `${address.token}@example.com`);
    expect(elsewhere.code).toBe(550);
    await rotateInboundAddress(db, user.id);
    const revoked = await deliver(receiver.port, mail("x"), to);
    expect(revoked.code).toBe(550);
    expect(revoked.response).toMatch(/^550 5\.1\.1 /);
    expect(await messagesOf(user.id)).toHaveLength(0);
  });

  it("refuses an address revoked after the receiver last took mail for it (550 5.1.1 after DATA)", async () => {
    const { user, to } = await userWithAddress("Rx Revoked Later");
    // The receiver now remembers this address for a while.
    expect((await deliver(receiver.port, mail("First"), to)).code).toBe(250);
    await rotateInboundAddress(db, user.id);
    const revoked = await deliver(receiver.port, mail("After"), to);
    expect(revoked.code).toBe(550);
    expect(revoked.response).toMatch(/^550 5\.1\.1 /);
    expect(await messagesOf(user.id)).toHaveLength(1);
  });

  it("forgets a case deleted since the receiver last took mail for its address", async () => {
    const { user } = await userWithAddress("Rx Case Gone");
    const company = await createCompany(db, user.id, { name: "Bell", website: "bell.ca" });
    const opened = await openCase(db, user.id, { companyId: company.id, title: "Bill" });
    const { address } = await getCaseInboundAddress(db, user.id, opened.id, domain);
    expect((await deliver(receiver.port, mail("One"), address)).code).toBe(250);
    await db.execute(sql`delete from cases where id = ${opened.id}`);
    expect((await deliver(receiver.port, mail("Two"), address)).code).toBe(250);
    const rows = await messagesOf(user.id);
    expect(rows.map((row) => row.caseId).sort()).toEqual([null, null]);
  });

  it("refuses a message over 25 MB with 552, declared or not, and stores nothing", async () => {
    const { user, to } = await userWithAddress("Rx Big");
    const big = mail("Big", `${"x".repeat(998)}\r\n`.repeat(26_500));
    expect(Buffer.byteLength(big)).toBeGreaterThan(25 * 1024 * 1024);
    // nodemailer declares the size (MAIL FROM … SIZE=): refused before any byte is sent.
    const declared = await deliver(receiver.port, big, to);
    expect(declared.code).toBe(552);
    // Undeclared: sent whole, then refused.
    const session = await rawSession(receiver.port);
    await session.read();
    await session.write(`EHLO client.example\r\nMAIL FROM:<a@example.net>\r\nRCPT TO:<${to}>\r\n`);
    expect((await session.read(3)).slice(1)).toEqual([
      expect.stringMatching(/^250 /),
      expect.stringMatching(/^250 /),
    ]);
    await session.write("DATA\r\n");
    expect(await session.read()).toEqual([expect.stringMatching(/^354 /)]);
    await session.write(big);
    await session.write(".\r\n");
    expect(await session.read(1, 60_000)).toEqual([expect.stringMatching(/^552 /)]);
    session.close();
    expect(await messagesOf(user.id)).toHaveLength(0);
  });

  it("takes at most 50 recipients per message and answers the rest 452", async () => {
    const { user, address } = await userWithAddress("Rx Many");
    const session = await rawSession(receiver.port);
    await session.read();
    await session.write("EHLO client.example\r\nMAIL FROM:<a@example.net>\r\n");
    await session.read(2);
    // 60 different recipients of the same user (mail keys of no case still reach the user).
    const base32 = "abcdefghijklmnopqrstuvwxyz234567";
    const keys = Array.from({ length: 60 }, (_, i) => `aaaaaa${base32[i >> 5]}${base32[i & 31]}`);
    const rcpts = keys.map((key) => `RCPT TO:<${address.token}+${key}@${domain}>`);
    await session.write(`${rcpts.join("\r\n")}\r\n`);
    const answers = await session.read(60);
    expect(answers.filter((a) => a.startsWith("250 "))).toHaveLength(50);
    expect(answers.slice(50).every((a) => a.startsWith("452 4.5.3 "))).toBe(true);
    await session.write(`DATA\r\n`);
    await session.read();
    await session.write(`${mail("Many")}.\r\n`);
    expect(await session.read()).toEqual([expect.stringMatching(/^250 /)]);
    session.close();
    // One user: one message, whatever the number of their addresses it was sent to.
    expect(await messagesOf(user.id)).toHaveLength(1);
  });

  it("answers 10,000 RCPTs, a NUL, an endless line and a header bomb clearly, and keeps serving", async () => {
    const { user, to } = await userWithAddress("Rx Malformed");
    // 10,000 unknown recipients, pipelined: an answer for each, quickly, and no crash.
    const flood = await rawSession(receiver.port);
    await flood.read();
    await flood.write("EHLO client.example\r\nMAIL FROM:<a@example.net>\r\n");
    await flood.read(2);
    const lines = Array.from(
      { length: 10_000 },
      (_, i) => `RCPT TO:<${randomBytes(20).toString("hex").slice(0, 32)}${i}@${domain}>`,
    );
    await flood.write(`${lines.join("\r\n")}\r\n`);
    const refused = await flood.read(10_000, 120_000);
    expect(refused).toHaveLength(10_000);
    expect(refused.every((line) => /^550 /.test(line))).toBe(true);
    flood.close();

    // A NUL byte in the body: stored as sent.
    const withNul = mail("Nul", "before\u0000after");
    expect((await deliver(receiver.port, withNul, to)).code).toBe(250);

    // A header bomb (100,000 header lines, 2.6 MB): stored whole, parsing is the filing job's.
    const bomb = `${Array.from({ length: 100_000 }, (_, i) => `X-Bomb-${i}: y`).join("\r\n")}\r\n${mail("Bomb")}`;
    expect((await deliver(receiver.port, bomb, to)).code).toBe(250);

    // An endless command line (4 MB without a line end): refused, the connection closed.
    const endless = await rawSession(receiver.port);
    await endless.read();
    await endless.write(`EHLO ${"x".repeat(4 * 1024 * 1024)}`);
    const cut = await endless.read(1, 30_000);
    expect(cut).toEqual(["421 4.4.2 Error: Command line too long"]);
    endless.close();

    // Still serving, and the stored bytes are the ones sent.
    expect((await deliver(receiver.port, mail("After"), to)).code).toBe(250);
    const rows = await messagesOf(user.id);
    expect(rows).toHaveLength(3);
    const raws = await Promise.all(rows.map((row) => readInboundRaw(db, user.id, row.id)));
    expect(raws.map((raw) => raw.toString("latin1"))).toContain(withNul);
    expect(raws.some((raw) => raw.length === Buffer.byteLength(bomb))).toBe(true);
    const exited = await Promise.race([receiver.exited, Promise.resolve("running")]);
    expect(exited).toBe("running");
  });
});
