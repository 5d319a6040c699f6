import { readFileSync } from "node:fs";

import { eq, sql } from "@caseward/db";
import { senderAddresses } from "@caseward/db/schema";
import { describe, expect, it } from "vitest";

import { openCase } from "../cases/case-service";
import { createCompany } from "../companies/company-service";
import { DomainError } from "../errors";
import { createTestUser, refusalOf, useTestDatabase } from "../testing";
import { getInboundAddress } from "./addresses";
import { fileInboundMessage } from "./file-message";
import {
  addSenderAddress,
  confirmSenderAddress,
  listSenderAddresses,
  removeSenderAddress,
  senderAddressToConfirm,
} from "./sender-addresses";
import { storeInboundMessage } from "./store";

const db = useTestDatabase();
const receivingDomain = "in.caseward.test";
const work = "sam.tremblay@work-example.com";

/** The fixture's mail to Rogers, sent from `from`, as a new message each time. */
function sentFrom(from: string, n: number) {
  const text = readFileSync(new URL("./fixtures/bcc-outbound.eml", import.meta.url), "latin1")
    .replaceAll("sam.tremblay@gmail.com", from)
    .replace("Sent42@", `Sent42-${n}@`);
  return Buffer.from(text, "latin1");
}

async function setUp() {
  const user = await createTestUser(db);
  const rogers = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
  await openCase(db, user.id, { companyId: rogers.id, title: "Billing error" });
  const address = await getInboundAddress(db, user.id);
  let n = 0;
  const receive = async (from: string) => {
    const raw = sentFrom(from, ++n);
    const stored = await storeInboundMessage(db, {
      ownerId: user.id,
      addressId: address.id,
      caseId: null,
      envelopeFrom: from,
      messageId: /^Message-ID:\s*(.+)$/im.exec(raw.toString("latin1"))![1]!.trim(),
      raw,
    });
    return fileInboundMessage(db, stored.id, { receivingDomain });
  };
  return { user, receive };
}

describe("other addresses the user sends from (real PostgreSQL)", () => {
  it("mail from an added address waits in the Inbox until its link confirms it, then files on its own; removed, it waits again", async () => {
    const { user, receive } = await setUp();
    const added = await addSenderAddress(
      db,
      user.id,
      { address: "  Sam.Tremblay@Work-Example.com " },
      { receivingDomain },
    );
    expect(added.address).toBe(work);
    expect(added.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await listSenderAddresses(db, user.id)).toEqual([
      expect.objectContaining({ id: added.id, address: work, confirmed: false }),
    ]);
    expect(await receive(work)).toMatchObject({ state: "inbox", inboxReason: "unknown_sender" });

    expect(await senderAddressToConfirm(db, user.id, { token: added.token })).toEqual({
      address: work,
      expired: false,
    });
    expect(await confirmSenderAddress(db, user.id, { token: added.token })).toEqual({
      id: added.id,
      address: work,
    });
    expect((await listSenderAddresses(db, user.id))[0]?.confirmed).toBe(true);
    // The link works once.
    expect(await refusalOf(confirmSenderAddress(db, user.id, { token: added.token }))).toBe(
      "NOT_FOUND",
    );
    const filed = await receive(work);
    expect(filed).toMatchObject({ state: "filed", inboxReason: null });

    await removeSenderAddress(db, user.id, { id: added.id });
    expect(await listSenderAddresses(db, user.id)).toEqual([]);
    expect(await receive(work)).toMatchObject({ state: "inbox", inboxReason: "unknown_sender" });
  });

  it("stores the address encrypted and the link's token as a keyed hash only", async () => {
    const { user } = await setUp();
    const added = await addSenderAddress(db, user.id, { address: work });
    const [row] = await db.execute<{ address: string; confirm_token_hash: string }>(
      sql`select address, confirm_token_hash from sender_addresses where id = ${added.id}`,
    );
    expect(row!.address).toMatch(/^cw1:/);
    expect(row!.address).not.toContain("work-example");
    expect(row!.confirm_token_hash).not.toContain(added.token);
  });

  it("refuses the account's own address, a Caseward address, one confirmed already, and another account's link", async () => {
    const { user } = await setUp();
    const message = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => null,
        (e: unknown) => e,
      );
      return error instanceof DomainError ? error.fieldErrors.address?.[0] : error;
    };
    expect(await message(addSenderAddress(db, user.id, { address: user.email }))).toBe(
      "That is the address you sign in with: mail from it is filed already.",
    );
    expect(
      await message(
        addSenderAddress(db, user.id, { address: `abc@${receivingDomain}` }, { receivingDomain }),
      ),
    ).toBe("That is a Caseward address: add an address you send mail from, like your work email.");
    expect(await refusalOf(addSenderAddress(db, user.id, { address: "not an address" }))).toEqual(
      expect.objectContaining({
        name: "ZodError",
        issues: [
          expect.objectContaining({ message: "Enter an email address, like name@example.com." }),
        ],
      }),
    );

    const added = await addSenderAddress(db, user.id, { address: work });
    // Added again before it is confirmed: a new link, the old one no longer works.
    const again = await addSenderAddress(db, user.id, { address: work });
    expect(again.id).toBe(added.id);
    expect(await refusalOf(confirmSenderAddress(db, user.id, { token: added.token }))).toBe(
      "NOT_FOUND",
    );
    const other = await createTestUser(db);
    expect(await refusalOf(confirmSenderAddress(db, other.id, { token: again.token }))).toBe(
      "NOT_FOUND",
    );
    expect(await refusalOf(removeSenderAddress(db, other.id, { id: again.id }))).toBe("NOT_FOUND");
    await confirmSenderAddress(db, user.id, { token: again.token });
    expect(await message(addSenderAddress(db, user.id, { address: work }))).toBe(
      "You have added and confirmed this address already.",
    );
  });

  it("a link older than 24 hours has expired", async () => {
    const { user } = await setUp();
    const added = await addSenderAddress(db, user.id, { address: work });
    await db
      .update(senderAddresses)
      .set({ confirmBy: new Date(Date.now() - 1000) })
      .where(eq(senderAddresses.id, added.id));
    expect(await senderAddressToConfirm(db, user.id, { token: added.token })).toEqual({
      address: work,
      expired: true,
    });
    expect(await refusalOf(confirmSenderAddress(db, user.id, { token: added.token }))).toBe(
      "BAD_REQUEST",
    );
    expect((await listSenderAddresses(db, user.id))[0]?.confirmed).toBe(false);
  });
});
