import type { ChannelKind, ChannelStatus } from "@caseward/db/vocabulary";
import { channelKinds } from "@caseward/db/vocabulary";

export interface LadderStep {
  id: string;
  kind: ChannelKind;
  status: ChannelStatus;
}

export type NextStep<T extends LadderStep> =
  { kind: "channel"; channel: T } | { kind: "verify_first" };

/**
 * Where to go when a company has gone quiet: the next channel up the ladder (the list is in the
 * user's ladder order) that is verified. Suspicious and unverified channels are never suggested;
 * without a verified one above, the step is to verify a channel first.
 *
 * `from` is the channel of the last contact: its id when it was one of the ladder's, else its
 * kind (the step starts after the last channel of that kind or a less direct one).
 */
export function suggestNextChannel<T extends LadderStep>(
  ladder: readonly T[],
  from: { channelId: string | null; kind: ChannelKind },
): NextStep<T> {
  let index = ladder.findIndex((step) => step.id === from.channelId);
  if (index < 0) {
    const rank = channelKinds.indexOf(from.kind);
    ladder.forEach((step, i) => {
      if (channelKinds.indexOf(step.kind) <= rank) index = i;
    });
  }
  const next = ladder.slice(index + 1).find((step) => step.status === "verified");
  return next ? { kind: "channel", channel: next } : { kind: "verify_first" };
}
