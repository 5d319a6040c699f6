import type { Database } from "@caseward/db";
import { and, asc, eq, sql } from "@caseward/db";
import { channelKinds, channels } from "@caseward/db/schema";

import { getCompany } from "../companies/company-service";
import { invalidField } from "../errors";
import { checkChannel } from "./check-channel";
import type { ChannelInput } from "./schemas";
import { channelInput } from "./schemas";

// Positions leave room per kind so that, before the user reorders, the ladder follows the
// default order of kinds (least to most direct) whatever order channels were added in.
const slotsPerKind = 1000;

export async function addChannel(db: Database, userId: string, input: ChannelInput) {
  const parsed = channelInput.parse(input);
  const company = await getCompany(db, userId, parsed.companyId);
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
  const kindSlot = channelKinds.indexOf(parsed.kind) * slotsPerKind;
  return db.transaction(async (tx) => {
    const [last] = await tx
      .select({ position: sql<number | null>`max(${channels.position})` })
      .from(channels)
      .where(
        and(
          eq(channels.companyId, company.id),
          sql`${channels.position} >= ${kindSlot} and ${channels.position} < ${kindSlot + slotsPerKind}`,
        ),
      );
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
        position: last?.position == null ? kindSlot : last.position + 1,
      })
      .returning();
    return channel!;
  });
}

/** A company's ladder: its channels from least to most direct. */
export async function listChannels(db: Database, userId: string, companyId: string) {
  return db
    .select()
    .from(channels)
    .where(and(eq(channels.companyId, companyId), eq(channels.ownerId, userId)))
    .orderBy(asc(channels.position), asc(channels.createdAt));
}
