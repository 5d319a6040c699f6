import { channelKinds, provenances } from "@caseward/db/vocabulary";
import { z } from "zod";

import { freeText } from "../privacy/free-text";

export const channelInput = z.object({
  companyId: z.uuid("Unknown company."),
  kind: z.enum(channelKinds, "Pick how you reach them: web form, email, phone…"),
  value: freeText(500, "address, number or place").pipe(
    z.string().min(1, "Enter the address, number or place."),
  ),
  /** Shown beside the value: "Lost cards line", a phone extension ("ext. 5"). */
  label: freeText(80, "label").optional(),
  provenance: z.enum(provenances, "Say where you found it."),
  /** The user checked it against an official source just now. */
  verified: z.boolean().default(false),
});
export type ChannelInput = z.input<typeof channelInput>;

/** An edit of a channel's value, label and where it was found: the same rules as adding one. */
export const updateChannelInput = channelInput
  .pick({ value: true, label: true, provenance: true, verified: true })
  .extend({ channelId: z.uuid("Unknown channel.") });
export type UpdateChannelInput = z.input<typeof updateChannelInput>;

export const channelId = z.object({ channelId: z.uuid("Unknown channel.") });

export const reorderChannelsInput = z.object({
  companyId: z.uuid("Unknown company."),
  channelIds: z.array(z.uuid("Unknown channel.")).max(200),
});

export const reportChannelInput = z.object({
  channelId: z.uuid("Unknown channel."),
  reason: freeText(300, "reason").pipe(z.string().min(3, "Say what made you doubt it.")),
});
