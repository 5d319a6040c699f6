import { randomBytes } from "node:crypto";

import type { Database, Executor } from "@caseward/db";
import { and, eq, inArray, isNull, sql } from "@caseward/db";
import type { KeyRing } from "@caseward/db/encryption";
import { keyRing } from "@caseward/db/encryption";
import { cases, inboundAddresses, users } from "@caseward/db/schema";

import { ownCase } from "../ownership";
import { currentLookupHash, lookupHashes } from "../encryption/lookup-hash";

// A user's private address, `<token>@<INBOUND_DOMAIN>`, and each case's own address,
// `<token>+<mail key>@<INBOUND_DOMAIN>`. The token is the secret: 160 random bits, written in
// lowercase base32 (addresses are case-insensitive, and it survives being typed). The mail key
// only says which case; it is short, random and means nothing without the token.

const alphabet = "abcdefghijklmnopqrstuvwxyz234567";

/** RFC 4648 base32 of `bytes`, lowercase, without padding. */
export function base32(bytes: Uint8Array): string {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** Random bits in an address's token (at least 128). */
export const tokenBits = 160;
/** Characters of a token: 32. */
export const tokenLength = Math.ceil(tokenBits / 5);
const mailKeyLength = 8;

const newToken = () => base32(randomBytes(tokenBits / 8));
const newMailKey = () => base32(randomBytes(5)).slice(0, mailKeyLength);

const tokenPattern = new RegExp(`^[a-z2-7]{${tokenLength}}$`);
const mailKeyPattern = new RegExp(`^[a-z2-7]{${mailKeyLength}}$`);

/** Whether an error (or one of its causes: drizzle wraps them) is a unique violation. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error, hops = 0; e instanceof Error && hops < 10; e = e.cause, hops++) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** One of the user's private addresses, the token readable again (it is shown in Settings). */
export interface InboundAddress {
  id: string;
  token: string;
  createdAt: Date;
}

/** The full address for a token (and a case's mail key) on `domain`. */
export function formatInboundAddress(domain: string, token: string, mailKey?: string | null) {
  return `${token}${mailKey ? `+${mailKey}` : ""}@${domain.toLowerCase()}`;
}

async function insertAddress(tx: Executor, userId: string, ring: KeyRing) {
  const token = newToken();
  const [row] = await tx
    .insert(inboundAddresses)
    .values({ ownerId: userId, token, tokenHash: currentLookupHash(token, ring) })
    .returning({
      id: inboundAddresses.id,
      token: inboundAddresses.token,
      createdAt: inboundAddresses.createdAt,
    });
  return row!;
}

/**
 * The user's active private address, made the first time it is asked for. Two first requests
 * at once make one address (the second finds the first's).
 */
export async function getInboundAddress(
  db: Database,
  userId: string,
  ring: KeyRing = keyRing(),
): Promise<InboundAddress> {
  const active = await db
    .select({
      id: inboundAddresses.id,
      token: inboundAddresses.token,
      createdAt: inboundAddresses.createdAt,
    })
    .from(inboundAddresses)
    .where(and(eq(inboundAddresses.ownerId, userId), isNull(inboundAddresses.revokedAt)));
  if (active[0]) return active[0];
  try {
    return await db.transaction((tx) => insertAddress(tx, userId, ring));
  } catch (error) {
    // The one-active index: another request made it first.
    const again = await db
      .select({
        id: inboundAddresses.id,
        token: inboundAddresses.token,
        createdAt: inboundAddresses.createdAt,
      })
      .from(inboundAddresses)
      .where(and(eq(inboundAddresses.ownerId, userId), isNull(inboundAddresses.revokedAt)));
    if (again[0]) return again[0];
    throw error;
  }
}

/** The user's private address as Settings shows it. */
export interface InboundAddressView {
  address: string;
  createdAt: Date;
}

/** The user's private address on `domain` (made the first time it is asked for). */
export async function inboundAddressOf(
  db: Database,
  userId: string,
  domain: string,
  ring: KeyRing = keyRing(),
): Promise<InboundAddressView> {
  const { token, createdAt } = await getInboundAddress(db, userId, ring);
  return { address: formatInboundAddress(domain, token), createdAt };
}

/** "Make a new address" on `domain`: the old one stops working at once. */
export async function renewInboundAddress(
  db: Database,
  userId: string,
  domain: string,
  ring: KeyRing = keyRing(),
): Promise<InboundAddressView> {
  const { token, createdAt } = await rotateInboundAddress(db, userId, ring);
  return { address: formatInboundAddress(domain, token), createdAt };
}

/**
 * "Make a new address": the active one stops working (it is revoked, and mail to it, or to any
 * case address on it, is refused from then on) and a new one takes its place. Case addresses
 * keep their mail keys, on the new token.
 */
export async function rotateInboundAddress(
  db: Database,
  userId: string,
  ring: KeyRing = keyRing(),
): Promise<InboundAddress> {
  return db.transaction(async (tx) => {
    // Serialises two rotations by the same user (the one-active index would refuse the second).
    await tx.execute(sql`select 1 from ${users} where ${users.id} = ${userId} for update`);
    await tx
      .update(inboundAddresses)
      .set({ revokedAt: new Date() })
      .where(and(eq(inboundAddresses.ownerId, userId), isNull(inboundAddresses.revokedAt)));
    return insertAddress(tx, userId, ring);
  });
}

/** Who a recipient is for: the user, the address it came in on, and the case (plus-address). */
export interface ResolvedRecipient {
  ownerId: string;
  addressId: string;
  caseId: string | null;
}

/**
 * The user (and case) a recipient's local part stands for — `token` or `token+mailkey`, in
 * any case — or null: not a token, revoked, unknown, or the user is gone. A mail key that
 * names none of the user's cases (a case since deleted) still reaches the user, without a
 * case. The domain is the receiver's to check.
 */
export async function resolveRecipient(
  db: Executor,
  localPart: string,
  ring: KeyRing = keyRing(),
): Promise<ResolvedRecipient | null> {
  const [token, mailKey, ...rest] = localPart.trim().toLowerCase().split("+");
  if (rest.length > 0 || !token || !tokenPattern.test(token)) return null;
  if (mailKey !== undefined && !mailKeyPattern.test(mailKey)) return null;
  const [address] = await db
    .select({ id: inboundAddresses.id, ownerId: inboundAddresses.ownerId })
    .from(inboundAddresses)
    .where(
      and(
        inArray(inboundAddresses.tokenHash, lookupHashes(token, ring)),
        isNull(inboundAddresses.revokedAt),
      ),
    );
  if (!address) return null;
  let caseId: string | null = null;
  if (mailKey) {
    const [found] = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.ownerId, address.ownerId), eq(cases.mailKey, mailKey)));
    caseId = found?.id ?? null;
  }
  return { ownerId: address.ownerId, addressId: address.id, caseId };
}

/**
 * The case's own address: the user's token and the case's mail key, given the first time it
 * is asked for. Another user's case is NOT_FOUND.
 */
export async function getCaseInboundAddress(
  db: Database,
  userId: string,
  caseId: string,
  domain: string,
  ring: KeyRing = keyRing(),
): Promise<{ address: string }> {
  const found = await ownCase(db, userId, caseId, { columns: { mailKey: cases.mailKey } });
  let mailKey = found.mailKey;
  for (let attempt = 0; !mailKey && attempt < 5; attempt++) {
    const candidate = newMailKey();
    const [set] = await db
      .update(cases)
      .set({ mailKey: candidate })
      .where(and(eq(cases.id, caseId), eq(cases.ownerId, userId), isNull(cases.mailKey)))
      .returning({ mailKey: cases.mailKey })
      .catch((error: unknown) => {
        // Another of the user's cases already has this key (1 in 2^40): try another.
        if (isUniqueViolation(error)) return [];
        throw error;
      });
    mailKey =
      set?.mailKey ??
      (await ownCase(db, userId, caseId, { columns: { mailKey: cases.mailKey } })).mailKey;
  }
  if (!mailKey) throw new Error("A case's mail key could not be made.");
  const { token } = await getInboundAddress(db, userId, ring);
  return { address: formatInboundAddress(domain, token, mailKey) };
}
