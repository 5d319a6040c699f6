import type { Database, Executor } from "@caseward/db";
import { and, asc, eq, gte, sql } from "@caseward/db";
import { channels, companies } from "@caseward/db/schema";
import type { ChannelKind } from "@caseward/db/vocabulary";
import type { z } from "zod";

import { companyToCheckAgainst } from "../companies/domain-list";
import { invalidField, refusal } from "../errors";
import { assertSameItems } from "../ordering";
import { ownChannel, ownCompany } from "../ownership";
import type { CompanyToCheckAgainst } from "./check-channel";
import { checkChannel } from "./check-channel";
import { insertPosition } from "./ladder";
import type { ChannelCheck } from "./result";
import type { ChannelInput, UpdateChannelInput } from "./schemas";
import {
  channelInput,
  reorderChannelsInput,
  reportChannelInput,
  updateChannelInput,
} from "./schemas";

/** The verdict on a channel's value, or a field error when it is not an address or number at all. */
function checkValue(
  channel: { kind: ChannelKind; value: string },
  company: CompanyToCheckAgainst,
): ChannelCheck {
  const check = checkChannel(channel, company);
  if (check.status === "invalid") {
    throw check.reason
      ? invalidField("value", check.reason)
      : refusal("BAD_REQUEST", "channelNotValid", {}, "value");
  }
  return check;
}

export async function addChannel(db: Database, userId: string, input: ChannelInput) {
  const parsed = channelInput.parse(input);
  return db.transaction(async (tx) => {
    // Locked (shared) so that the company's domains cannot change between check and insert.
    const company = await companyToCheckAgainst(tx, userId, parsed.companyId, { lock: true });
    const check = checkValue({ kind: parsed.kind, value: parsed.value }, company);
    const suspicious = check.status === "suspicious";
    const ladder = await tx
      .select({ kind: channels.kind, position: channels.position })
      .from(channels)
      .where(and(eq(channels.companyId, company.id), eq(channels.ownerId, userId)))
      .orderBy(asc(channels.position))
      .for("update");
    const insertAt = insertPosition(ladder, parsed.kind);
    await tx
      .update(channels)
      .set({ position: sql`${channels.position} + 1` })
      .where(and(eq(channels.companyId, company.id), gte(channels.position, insertAt)));
    const [channel] = await tx
      .insert(channels)
      .values({
        ownerId: userId,
        companyId: company.id,
        kind: parsed.kind,
        value: check.normalized ?? parsed.value,
        label: parsed.label || null,
        provenance: parsed.provenance,
        status: suspicious ? "suspicious" : parsed.verified ? "verified" : "unverified",
        statusReason: suspicious ? check.reason : null,
        lastVerifiedAt: !suspicious && parsed.verified ? new Date() : null,
        position: insertAt,
        // "Use the channel that works best for you at first": the first one added, until changed.
        isPreferred: ladder.length === 0 && !suspicious,
      })
      .returning();
    return channel!;
  });
}

/**
 * Changes a channel's value, label or where it was found. A new value is checked like a new
 * channel: it is no longer verified (unless the user just checked it), and suspicious when it
 * is off the company's domains. A channel the user reported keeps its value as a record.
 */
export async function updateChannel(db: Database, userId: string, input: UpdateChannelInput) {
  const parsed = updateChannelInput.parse(input);
  return db.transaction(async (tx) => {
    // The company first, then the channel: the order every domain change locks them in.
    const { companyId } = await ownChannel(tx, userId, parsed.channelId, {
      columns: { companyId: channels.companyId },
    });
    const company = await companyToCheckAgainst(tx, userId, companyId, { lock: true });
    const before = await ownChannel(tx, userId, parsed.channelId, { forUpdate: true });
    const check = checkValue({ kind: before.kind, value: parsed.value }, company);
    const value = check.normalized ?? parsed.value;
    const valueChanged = value !== before.value;
    if (valueChanged && before.reportedAt !== null) {
      throw refusal("BAD_REQUEST", "suspiciousChannelKeepsValue", {}, "value");
    }
    const suspicious = check.status === "suspicious";
    const verifiedNow = !suspicious && parsed.verified;
    const status =
      before.reportedAt !== null || suspicious
        ? "suspicious"
        : verifiedNow || (!valueChanged && before.status === "verified")
          ? "verified"
          : "unverified";
    const [updated] = await tx
      .update(channels)
      .set({
        value,
        label: parsed.label || null,
        provenance: parsed.provenance,
        status,
        statusReason:
          before.reportedAt !== null ? before.statusReason : suspicious ? check.reason : null,
        lastVerifiedAt: verifiedNow ? new Date() : valueChanged ? null : before.lastVerifiedAt,
        isPreferred: status === "suspicious" ? false : before.isPreferred,
      })
      .where(and(eq(channels.id, before.id), eq(channels.ownerId, userId)))
      .returning();
    return updated!;
  });
}

/** A company's ladder: its channels from least to most direct. */
export async function listChannels(db: Executor, userId: string, companyId: string) {
  return db
    .select()
    .from(channels)
    .where(and(eq(channels.companyId, companyId), eq(channels.ownerId, userId)))
    .orderBy(asc(channels.position), asc(channels.createdAt));
}

export async function reorderChannels(
  db: Database,
  userId: string,
  input: z.input<typeof reorderChannelsInput>,
) {
  const parsed = reorderChannelsInput.parse(input);
  await ownCompany(db, userId, parsed.companyId, { columns: { id: companies.id } });
  return db.transaction(async (tx) => {
    const current = await tx
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.companyId, parsed.companyId), eq(channels.ownerId, userId)))
      .for("update");
    assertSameItems(
      current.map((c) => c.id),
      parsed.channelIds,
      "channels",
    );
    await Promise.all(
      parsed.channelIds.map((id, position) =>
        tx
          .update(channels)
          .set({ position })
          .where(and(eq(channels.id, id), eq(channels.ownerId, userId))),
      ),
    );
    return listChannels(tx, userId, parsed.companyId);
  });
}

/** Marks the channel the user wants to try first with this company (one per company). */
export async function setPreferredChannel(db: Database, userId: string, channelId: string) {
  return db.transaction(async (tx) => {
    const channel = await ownChannel(tx, userId, channelId);
    if (channel.status === "suspicious") {
      throw refusal("BAD_REQUEST", "suspiciousNotPreferred");
    }
    await tx
      .update(channels)
      .set({ isPreferred: sql`${channels.id} = ${channel.id}` })
      .where(and(eq(channels.companyId, channel.companyId), eq(channels.ownerId, userId)));
    return { ...channel, isPreferred: true };
  });
}

/** The user checked the channel against an official source just now. */
export async function verifyChannel(db: Database, userId: string, channelId: string) {
  const channel = await ownChannel(db, userId, channelId);
  if (channel.status === "suspicious") {
    // Our own check (or the user) found it suspicious: re-adding it is the honest way back.
    throw refusal("BAD_REQUEST", "suspiciousCannotVerify");
  }
  const [updated] = await db
    .update(channels)
    .set({ status: "verified", lastVerifiedAt: new Date() })
    .where(and(eq(channels.id, channelId), eq(channels.ownerId, userId)))
    .returning();
  return updated!;
}

/** The user reports a channel as suspicious (a scam call, a wrong number…). */
export async function reportChannel(
  db: Database,
  userId: string,
  input: z.input<typeof reportChannelInput>,
) {
  const parsed = reportChannelInput.parse(input);
  await ownChannel(db, userId, parsed.channelId);
  const [updated] = await db
    .update(channels)
    .set({
      status: "suspicious",
      statusReason: `You reported it: ${parsed.reason}`,
      reportedAt: new Date(),
      isPreferred: false,
    })
    .where(and(eq(channels.id, parsed.channelId), eq(channels.ownerId, userId)))
    .returning();
  return updated!;
}

export async function deleteChannel(db: Database, userId: string, channelId: string) {
  return db.transaction(async (tx) => {
    const channel = await ownChannel(tx, userId, channelId);
    await tx.delete(channels).where(and(eq(channels.id, channelId), eq(channels.ownerId, userId)));
    await tx
      .update(channels)
      .set({ position: sql`${channels.position} - 1` })
      .where(
        and(eq(channels.companyId, channel.companyId), gte(channels.position, channel.position)),
      );
    return { id: channelId };
  });
}
