import { channelKinds, provenances } from "@caseward/db/vocabulary";
import { z } from "zod";

export const channelInput = z.object({
  companyId: z.uuid("Unknown company."),
  kind: z.enum(channelKinds, "Pick how you reach them: web form, email, phone…"),
  value: z
    .string("Enter the address, number or place.")
    .trim()
    .min(1, "Enter the address, number or place.")
    .max(500, "Keep it under 500 characters."),
  label: z.string().trim().max(80, "Keep the label under 80 characters.").optional(),
  provenance: z.enum(provenances, "Say where you found it."),
  /** The user checked it against an official source just now. */
  verified: z.boolean().default(false),
});
export type ChannelInput = z.input<typeof channelInput>;

export const channelId = z.object({ channelId: z.uuid("Unknown channel.") });

export const reorderChannelsInput = z.object({
  companyId: z.uuid("Unknown company."),
  channelIds: z.array(z.uuid("Unknown channel.")).max(200),
});

export const reportChannelInput = z.object({
  channelId: z.uuid("Unknown channel."),
  reason: z
    .string("Say what made you doubt it.")
    .trim()
    .min(3, "Say what made you doubt it.")
    .max(300, "Keep it under 300 characters."),
});
