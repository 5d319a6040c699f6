import type { ChannelKind, ChannelStatus } from "@caseward/db/vocabulary";
import { channelKinds } from "@caseward/db/vocabulary";

// The ladder (PRODUCT.md): a company's channels from least to most direct. Pure rules, shared by
// the services and the browser's forms.

export interface LadderStep {
  id: string;
  kind: ChannelKind;
  status: ChannelStatus;
}

export type NextStep<T extends LadderStep> =
  { kind: "channel"; channel: T } | { kind: "verify_first" };

/** How direct a kind of channel is: the default ladder order (a web form first, a regulator last). */
export const kindRank = (kind: ChannelKind) => channelKinds.indexOf(kind);

/**
 * Where a channel of `kind` goes on the ladder: after the last one of the same or a less direct
 * kind, so the ladder keeps the default order until the user reorders it, and respects their
 * order after.
 */
export function insertPosition(ladder: readonly { kind: ChannelKind }[], kind: ChannelKind) {
  let position = 0;
  ladder.forEach((step, index) => {
    if (kindRank(step.kind) <= kindRank(kind)) position = index + 1;
  });
  return position;
}

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
  if (index < 0) index = insertPosition(ladder, from.kind) - 1;
  const next = ladder.slice(index + 1).find((step) => step.status === "verified");
  return next ? { kind: "channel", channel: next } : { kind: "verify_first" };
}

/**
 * The channel a new contact starts on: the user's first choice, else the first verified one,
 * else the first unverified one. Suspicious channels are never suggested, not even as a default.
 */
export function defaultChannel<T extends LadderStep & { isPreferred?: boolean }>(
  ladder: readonly T[],
): T | undefined {
  const usable = ladder.filter((step) => step.status !== "suspicious");
  return (
    usable.find((step) => step.isPreferred) ??
    usable.find((step) => step.status === "verified") ??
    usable[0]
  );
}

/**
 * What a form's channel field holds: a channel of the ladder by its id, or a kind of channel
 * that is not on the ladder as `kind:<kind>`.
 */
export type ChannelChoice = string;

export const kindChoice = (kind: ChannelKind): ChannelChoice => `kind:${kind}`;

export const isKindChoice = (choice: ChannelChoice) => choice.startsWith("kind:");

/** The choice a contact form starts with: the default channel, else a phone call off the ladder. */
export function defaultChannelChoice(
  ladder: readonly (LadderStep & { isPreferred?: boolean })[],
): ChannelChoice {
  return defaultChannel(ladder)?.id ?? kindChoice("phone");
}

/**
 * A form's choice read back: the ladder's channel it names, if any, and the contact's channel
 * fields (the kind left unchecked: the contact's schema judges it).
 */
export function parseChannelChoice<T extends LadderStep>(
  choice: ChannelChoice | undefined,
  ladder: readonly T[],
) {
  const channel = ladder.find((step) => step.id === choice) ?? null;
  return {
    channel,
    channelId: channel?.id,
    channelKind: channel?.kind ?? choice?.replace(/^kind:/, ""),
  };
}
