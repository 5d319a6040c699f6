import type { Database, Executor } from "@caseward/db";
import { and, asc, eq, gte, sql } from "@caseward/db";
import { channels, companies } from "@caseward/db/schema";
import type { z } from "zod";

import { DomainError, invalidField } from "../errors";
import { assertSameItems } from "../ordering";
import { ownChannel, ownCompany } from "../ownership";
import { checkChannel } from "./check-channel";
import { insertPosition } from "./ladder";
import type { ChannelInput } from "./schemas";
import { channelInput, reorderChannelsInput, reportChannelInput } from "./schemas";

export async function addChannel(db: Database, userId: string, input: ChannelInput) {
  const parsed = channelInput.parse(input);
  const company = await ownCompany(db, userId, parsed.companyId);
  const check = checkChannel(
    { kind: parsed.kind, value: parsed.value },
    { officialDomain: company.officialDomain, country: company.country ?? undefined },
  );
  if (check.status === "invalid") {
    throw invalidField(
      "value",
      check.reason ?? "This does not look like a valid address or number.",
    );
  }
  const suspicious = check.status === "suspicious";
  return db.transaction(async (tx) => {
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
      throw new DomainError("BAD_REQUEST", "A suspicious channel cannot be your first choice.");
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
    throw new DomainError(
      "BAD_REQUEST",
      "This channel is marked suspicious. Delete it and add the one printed on an official document.",
    );
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
