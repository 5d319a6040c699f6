import type { Executor } from "@caseward/db";
import { and, eq } from "@caseward/db";
import { channels } from "@caseward/db/schema";
import type { ChannelKind } from "@caseward/db/vocabulary";

import { companyToCheckAgainst } from "../companies/domain-list";
import { checkChannel } from "./check-channel";

export interface RecheckedChannel {
  id: string;
  kind: ChannelKind;
  value: string;
  /** Why it is suspicious now (flagged), or null (cleared). */
  statusReason: string | null;
}

/** What a change of the company's domains did to its channels. */
export interface ChannelRecheck {
  /** Were suspicious for their domain, are on an official one now: not verified, usable. */
  cleared: RecheckedChannel[];
  /** Were usable, are off every official domain now: suspicious. */
  flagged: RecheckedChannel[];
}

/**
 * Checks every channel of a company again after its official domains (or its country) changed,
 * in the caller's transaction, and stores the verdicts that changed. A channel the user reported
 * keeps its report; one that becomes usable again is "not verified" (it never was checked
 * against an official source), and one that becomes suspicious is no longer the first choice.
 */
export async function recheckChannels(
  tx: Executor,
  userId: string,
  companyId: string,
): Promise<ChannelRecheck> {
  const company = await companyToCheckAgainst(tx, userId, companyId);
  const ladder = await tx
    .select({
      id: channels.id,
      kind: channels.kind,
      value: channels.value,
      status: channels.status,
      statusReason: channels.statusReason,
      reportedAt: channels.reportedAt,
    })
    .from(channels)
    .where(and(eq(channels.companyId, companyId), eq(channels.ownerId, userId)))
    .for("update");
  const result: ChannelRecheck = { cleared: [], flagged: [] };
  for (const channel of ladder) {
    if (channel.reportedAt !== null) continue;
    const check = checkChannel({ kind: channel.kind, value: channel.value }, company);
    const where = and(eq(channels.id, channel.id), eq(channels.ownerId, userId));
    if (check.status === "ok" && channel.status === "suspicious") {
      await tx.update(channels).set({ status: "unverified", statusReason: null }).where(where);
      result.cleared.push({
        id: channel.id,
        kind: channel.kind,
        value: channel.value,
        statusReason: null,
      });
    } else if (check.status === "suspicious" && channel.statusReason !== check.reason) {
      await tx
        .update(channels)
        .set({ status: "suspicious", statusReason: check.reason, isPreferred: false })
        .where(where);
      if (channel.status !== "suspicious") {
        result.flagged.push({
          id: channel.id,
          kind: channel.kind,
          value: channel.value,
          statusReason: check.reason,
        });
      }
    }
  }
  return result;
}
