import { sql } from "@caseward/db";
import { describe, expect, it } from "vitest";

import { openCase } from "../cases/case-service";
import { createCompany } from "../companies/company-service";
import { deleteCase } from "../cases/case-lifecycle";
import { createTestUser, useTestDatabase } from "../testing";
import {
  formatInboundAddress,
  getCaseInboundAddress,
  getInboundAddress,
  resolveRecipient,
  rotateInboundAddress,
  tokenLength,
} from "./addresses";
import { chunkBytes } from "../attachments/chunk-cipher";
import {
  readInboundRaw,
  storeInboundMessage,
  storeInboundMessages,
  unfiledInboundMessages,
} from "./store";

const db = useTestDatabase();

const mail = (id: string | null, body = "Hello") =>
  new TextEncoder().encode(
    `${id ? `Message-ID: ${id}\r\n` : ""}From: help@rogers.com\r\nSubject: Your case\r\n\r\n${body}\r\n`,
  );

describe("inbound addresses", () => {
  it("gives each user one address, found again in any case, and a new one revokes the old", async () => {
    const user = await createTestUser(db, "Ines");
    const first = await getInboundAddress(db, user.id);
    expect(first.token).toMatch(new RegExp(`^[a-z2-7]{${tokenLength}}$`));
    expect(tokenLength * 5).toBeGreaterThanOrEqual(128);
    expect((await getInboundAddress(db, user.id)).token).toBe(first.token);
    const [stored] = await db.execute<{ token_hash: string; token: string }>(
      sql`select token_hash, token from inbound_addresses where id = ${first.id}`,
    );
    expect(stored!.token_hash).not.toContain(first.token);
    expect(stored!.token).not.toContain(first.token);

    expect(await resolveRecipient(db, first.token.toUpperCase())).toEqual({
      ownerId: user.id,
      addressId: first.id,
      caseId: null,
    });
    const next = await rotateInboundAddress(db, user.id);
    expect(next.token).not.toBe(first.token);
    expect(await resolveRecipient(db, first.token)).toBeNull();
    expect(await resolveRecipient(db, next.token)).toMatchObject({ ownerId: user.id });
    expect((await getInboundAddress(db, user.id)).token).toBe(next.token);
    expect(await resolveRecipient(db, "a".repeat(tokenLength))).toBeNull();
    expect(await resolveRecipient(db, "postmaster")).toBeNull();
    expect(await resolveRecipient(db, `${next.token}+x+y`)).toBeNull();
  });

  it("gives a case its own address, on demand, that resolves to the case", async () => {
    const user = await createTestUser(db, "Jonah");
    const other = await createTestUser(db, "Kira");
    const company = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
    const opened = await openCase(db, user.id, { companyId: company.id, title: "Outage" });
    const { address } = await getCaseInboundAddress(db, user.id, opened.id, "In.Example.com");
    const { token } = await getInboundAddress(db, user.id);
    expect(address).toMatch(new RegExp(`^${token}\\+[a-z2-7]{8}@in\\.example\\.com$`));
    expect((await getCaseInboundAddress(db, user.id, opened.id, "in.example.com")).address).toBe(
      address,
    );
    const local = address.split("@")[0]!;
    expect(await resolveRecipient(db, local.toUpperCase())).toMatchObject({
      ownerId: user.id,
      caseId: opened.id,
    });
    await expect(getCaseInboundAddress(db, other.id, opened.id, "x.com")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await deleteCase(db, user.id, { caseId: opened.id });
    expect(await resolveRecipient(db, local)).toMatchObject({ ownerId: user.id, caseId: null });
    expect(formatInboundAddress("A.COM", "t", null)).toBe("t@a.com");
  });
});

describe("inbound store", () => {
  it("stores a message once, encrypted, and reads back its exact bytes", async () => {
    const user = await createTestUser(db, "Lea");
    const other = await createTestUser(db, "Milo");
    const address = await getInboundAddress(db, user.id);
    const raw = mail("<abc@rogers.com>", "zanzibarquokka body");
    const first = await storeInboundMessage(db, {
      ownerId: user.id,
      addressId: address.id,
      caseId: null,
      envelopeFrom: "me@example.com",
      messageId: "<abc@rogers.com>",
      raw,
    });
    expect(first.duplicate).toBe(false);
    expect(Buffer.from(raw).equals(await readInboundRaw(db, user.id, first.id))).toBe(true);
    // Same Message-ID (other bytes: another relay's headers): the same message.
    const again = await storeInboundMessage(db, {
      ownerId: user.id,
      addressId: address.id,
      caseId: null,
      envelopeFrom: "me@example.com",
      messageId: " abc@rogers.com ",
      raw: mail("<abc@rogers.com>", "zanzibarquokka body, relayed"),
    });
    expect(again).toEqual({ id: first.id, duplicate: true });
    const [row] = await db.execute<{ n: number; state: string; raw: string }>(
      sql`select count(*)::int as n, min(state::text) as state,
          (select string_agg(encode(sealed, 'escape'), '') from inbound_raw_chunks where owner_id = ${user.id}) as raw
          from inbound_messages where owner_id = ${user.id}`,
    );
    expect(row).toMatchObject({ n: 1, state: "received" });
    expect(row!.raw).not.toContain("zanzibarquokka");
    await expect(readInboundRaw(db, other.id, first.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("tells messages without a Message-ID apart by their bytes, and keeps big ones whole", async () => {
    const user = await createTestUser(db, "Nora");
    const address = await getInboundAddress(db, user.id);
    const base = { ownerId: user.id, addressId: address.id, caseId: null, envelopeFrom: "" };
    const big = mail(null, "x".repeat(chunkBytes * 2 + 17));
    const a = await storeInboundMessage(db, { ...base, messageId: null, raw: big });
    const b = await storeInboundMessage(db, { ...base, messageId: null, raw: mail(null, "other") });
    const c = await storeInboundMessage(db, { ...base, messageId: null, raw: big });
    expect([a.duplicate, b.duplicate, c.duplicate]).toEqual([false, false, true]);
    expect(c.id).toBe(a.id);
    expect((await readInboundRaw(db, user.id, a.id)).equals(Buffer.from(big))).toBe(true);
    const [chunks] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from inbound_raw_chunks where inbound_message_id = ${a.id}`,
    );
    expect(chunks!.n).toBe(3);

    // The reconciler's list: messages still "received", older than it asks.
    const later = new Date(Date.now() + 60_000);
    const unfiled = await unfiledInboundMessages(db, later, 10_000);
    expect(unfiled).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await unfiledInboundMessages(db, new Date(Date.now() - 60_000), 10_000)).not.toContain(
      a.id,
    );
  });

  it("stores several users' messages in one statement, each with its own outcome", async () => {
    const ana = await createTestUser(db, "Ana Batch");
    const ben = await createTestUser(db, "Ben Batch");
    const gone = await createTestUser(db, "Cy Batch");
    const anaAddress = await getInboundAddress(db, ana.id);
    const benAddress = await getInboundAddress(db, ben.id);
    const goneAddress = await getInboundAddress(db, gone.id);
    await rotateInboundAddress(db, gone.id);
    const company = await createCompany(db, ben.id, { name: "Rogers", website: "rogers.com" });
    const opened = await openCase(db, ben.id, { companyId: company.id, title: "Outage" });
    const to = (user: { id: string }, address: { id: string }, caseId: string | null = null) => ({
      ownerId: user.id,
      addressId: address.id,
      caseId,
      envelopeFrom: "me@example.com",
    });
    const before = await storeInboundMessage(db, {
      ...to(ana, anaAddress),
      messageId: "<old@rogers.com>",
      raw: mail("<old@rogers.com>"),
    });
    const big = mail("<big@rogers.com>", "y".repeat(chunkBytes + 5));
    const results = await storeInboundMessages(db, [
      { ...to(ana, anaAddress), messageId: "<a1@rogers.com>", raw: mail("<a1@rogers.com>", "a1") },
      { ...to(ben, benAddress, opened.id), messageId: "<b1@rogers.com>", raw: big },
      // Already stored before: a duplicate of that one.
      { ...to(ana, anaAddress), messageId: "<old@rogers.com>", raw: mail("<old@rogers.com>") },
      // Its address was revoked since RCPT: not stored.
      { ...to(gone, goneAddress), messageId: "<c1@rogers.com>", raw: mail("<c1@rogers.com>") },
      // The same message twice in the batch (a sender's retry on another session).
      { ...to(ana, anaAddress), messageId: "<a1@rogers.com>", raw: mail("<a1@rogers.com>", "a1") },
      // The same Message-ID for another user: their own copy.
      { ...to(ben, benAddress), messageId: "<a1@rogers.com>", raw: mail("<a1@rogers.com>", "a1") },
    ]);
    expect(results.map((r) => r && r.duplicate)).toEqual([false, false, true, null, true, false]);
    expect(results[2]!.id).toBe(before.id);
    expect(results[4]!.id).toBe(results[0]!.id);
    expect(results[5]!.id).not.toBe(results[0]!.id);
    expect((await readInboundRaw(db, ana.id, results[0]!.id)).toString()).toContain("a1");
    expect((await readInboundRaw(db, ben.id, results[1]!.id)).equals(Buffer.from(big))).toBe(true);
    const rows = await db.execute<{ owner_id: string; case_id: string | null; n: number }>(
      sql`select owner_id, case_id, count(*)::int as n from inbound_messages
          where owner_id in (${ana.id}, ${ben.id}, ${gone.id}) group by owner_id, case_id
          order by n`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { owner_id: ana.id, case_id: null, n: 2 },
        { owner_id: ben.id, case_id: opened.id, n: 1 },
        { owner_id: ben.id, case_id: null, n: 1 },
      ]),
    );
    expect(rows).toHaveLength(3);
  });

  it("stores nothing of a batch whose statement fails", async () => {
    const user = await createTestUser(db, "Dee Batch");
    const address = await getInboundAddress(db, user.id);
    const base = { ownerId: user.id, addressId: address.id, envelopeFrom: "" };
    await expect(
      storeInboundMessages(db, [
        { ...base, caseId: null, messageId: "<ok1@rogers.com>", raw: mail("<ok1@rogers.com>") },
        // Not a uuid: the whole statement is refused.
        { ...base, caseId: "not-a-case", messageId: "<bad@rogers.com>", raw: mail("<bad@x>") },
      ]),
    ).rejects.toThrow();
    const [row] = await db.execute<{ messages: number; chunks: number }>(
      sql`select (select count(*)::int from inbound_messages where owner_id = ${user.id}) as messages,
          (select count(*)::int from inbound_raw_chunks where owner_id = ${user.id}) as chunks`,
    );
    expect(row).toEqual({ messages: 0, chunks: 0 });
  });
});
