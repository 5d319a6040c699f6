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
import { readInboundRaw, storeInboundMessage, unfiledInboundMessages } from "./store";

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
});
