import { randomBytes } from "node:crypto";

import type { Database, Executor } from "@caseward/db";
import { and, asc, eq, inArray, isNotNull } from "@caseward/db";
import type { KeyRing } from "@caseward/db/encryption";
import { keyRing } from "@caseward/db/encryption";
import { senderAddresses, users } from "@caseward/db/schema";
import { z } from "zod";

import { notFound, refusal } from "../errors";
import { currentLookupHash, lookupHashes } from "../encryption/lookup-hash";

// The other addresses a user sends mail from (issue 15: "Accepted only from the user's
// confirmed address(es) (a user may add and confirm more sender addresses)"). One is added
// unconfirmed; the link emailed to it confirms it; from then on mail from it is filed on its
// own like mail from the account's address (file-message.ts userAddressesOf). The link's token
// is stored as a keyed hash and forgotten once used.

/** At most this many other addresses per account. */
export const maxSenderAddresses = 10;
/** How long the emailed link works. */
export const senderAddressLinkHours = 24;

export const senderAddressInput = z.object({
  address: z
    .string("Enter an email address, like name@example.com.")
    .trim()
    .toLowerCase()
    .max(254, "An email address has at most 254 characters.")
    .pipe(z.email("Enter an email address, like name@example.com.")),
});
export type SenderAddressInput = z.input<typeof senderAddressInput>;

export const senderAddressIdInput = z.object({ id: z.uuid("That address was not found.") });

export const senderAddressTokenInput = z.object({
  token: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{43}$/,
      "This confirmation link is not complete: open it from the email again.",
    ),
});

export interface SenderAddress {
  id: string;
  address: string;
  confirmed: boolean;
  createdAt: Date;
}

/** The user's other sender addresses, confirmed or waiting for their link, oldest first. */
export async function listSenderAddresses(db: Executor, userId: string): Promise<SenderAddress[]> {
  const rows = await db
    .select({
      id: senderAddresses.id,
      address: senderAddresses.address,
      confirmedAt: senderAddresses.confirmedAt,
      createdAt: senderAddresses.createdAt,
    })
    .from(senderAddresses)
    .where(eq(senderAddresses.ownerId, userId))
    .orderBy(asc(senderAddresses.createdAt));
  return rows.map((row) => ({
    id: row.id,
    address: row.address,
    confirmed: row.confirmedAt !== null,
    createdAt: row.createdAt,
  }));
}

/** The confirmed ones, lower case: what filing takes for the user's own. */
export async function confirmedSenderAddresses(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ address: senderAddresses.address })
    .from(senderAddresses)
    .where(and(eq(senderAddresses.ownerId, userId), isNotNull(senderAddresses.confirmedAt)));
  return rows.map((row) => row.address);
}

/**
 * Adds an address (or makes a new link for one still waiting): the caller emails `token` in a
 * link to `address`. The account's own address, one confirmed already, and Caseward's receiving
 * domain are refused with a sentence for the field.
 */
export async function addSenderAddress(
  db: Database,
  userId: string,
  input: SenderAddressInput,
  options: { receivingDomain?: string; ring?: KeyRing } = {},
): Promise<{ id: string; address: string; token: string }> {
  const { address } = senderAddressInput.parse(input);
  const ring = options.ring ?? keyRing();
  const domain = address.slice(address.lastIndexOf("@") + 1);
  if (options.receivingDomain && domain === options.receivingDomain.toLowerCase()) {
    throw refusal("BAD_REQUEST", "senderIsCaseward", {}, "address");
  }
  const token = randomBytes(32).toString("base64url");
  const link = {
    confirmTokenHash: currentLookupHash(token, ring),
    confirmBy: new Date(Date.now() + senderAddressLinkHours * 3600_000),
  };
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!user) throw notFound("Account");
    if (user.email.toLowerCase() === address) {
      throw refusal("BAD_REQUEST", "senderIsSignIn", {}, "address");
    }
    const existing = await listSenderAddresses(tx, userId);
    const same = existing.find((row) => row.address === address);
    if (same?.confirmed) {
      throw refusal("BAD_REQUEST", "senderAlreadyConfirmed", {}, "address");
    }
    if (same) {
      // Waiting for its link: a new link replaces the old one.
      await tx
        .update(senderAddresses)
        .set(link)
        .where(and(eq(senderAddresses.id, same.id), eq(senderAddresses.ownerId, userId)));
      return { id: same.id, address, token };
    }
    if (existing.length >= maxSenderAddresses) {
      throw refusal("BAD_REQUEST", "senderTooMany", { max: maxSenderAddresses }, "address");
    }
    const [row] = await tx
      .insert(senderAddresses)
      .values({ ownerId: userId, address, ...link })
      .returning({ id: senderAddresses.id });
    return { id: row!.id, address, token };
  });
}

async function byToken(db: Executor, userId: string, token: string, ring: KeyRing) {
  const [row] = await db
    .select({
      id: senderAddresses.id,
      address: senderAddresses.address,
      confirmBy: senderAddresses.confirmBy,
    })
    .from(senderAddresses)
    .where(
      and(
        eq(senderAddresses.ownerId, userId),
        inArray(senderAddresses.confirmTokenHash, lookupHashes(token, ring)),
      ),
    );
  // Another account's link, a used one, or one of a removed address: the same answer.
  if (!row) {
    throw refusal("NOT_FOUND", "senderLinkBroken");
  }
  return row;
}

/** What a confirmation link is for (the page asks before it confirms): its address. */
export async function senderAddressToConfirm(
  db: Executor,
  userId: string,
  input: { token: string },
  ring: KeyRing = keyRing(),
) {
  const { token } = senderAddressTokenInput.parse(input);
  const row = await byToken(db, userId, token, ring);
  return { address: row.address, expired: (row.confirmBy?.getTime() ?? 0) < Date.now() };
}

/** Confirms the address of a link of the signed-in user's; the link then stops working. */
export async function confirmSenderAddress(
  db: Database,
  userId: string,
  input: { token: string },
  ring: KeyRing = keyRing(),
) {
  const { token } = senderAddressTokenInput.parse(input);
  const row = await byToken(db, userId, token, ring);
  if ((row.confirmBy?.getTime() ?? 0) < Date.now()) {
    throw refusal("BAD_REQUEST", "senderLinkExpired", { hours: senderAddressLinkHours });
  }
  await db
    .update(senderAddresses)
    .set({ confirmedAt: new Date(), confirmTokenHash: null, confirmBy: null })
    .where(and(eq(senderAddresses.id, row.id), eq(senderAddresses.ownerId, userId)));
  return { id: row.id, address: row.address };
}

/** Removes one: mail from it waits in the Inbox again. */
export async function removeSenderAddress(db: Executor, userId: string, input: { id: string }) {
  const { id } = senderAddressIdInput.parse(input);
  const [removed] = await db
    .delete(senderAddresses)
    .where(and(eq(senderAddresses.id, id), eq(senderAddresses.ownerId, userId)))
    .returning({ id: senderAddresses.id });
  if (!removed) throw notFound("Address");
  return { id: removed.id };
}
