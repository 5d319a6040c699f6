import { channelKinds, contactDirections, contactOutcomes } from "@caseward/db/vocabulary";
import { z } from "zod";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${label} under ${max.toLocaleString("en")} characters.`)
    .optional();

// A day of slack covers clocks and time zones; anything later is a typo.
const latestPlausible = () => new Date(Date.now() + 24 * 3600 * 1000);

export const logContactInput = z
  .object({
    caseId: z.uuid("Unknown case."),
    channelId: z.uuid("Unknown channel.").optional(),
    channelKind: z.enum(channelKinds, "Pick the channel you used."),
    direction: z.enum(contactDirections).default("outbound"),
    startedAt: z.coerce.date("Enter when the contact started."),
    endedAt: z.coerce.date("Enter a valid end time.").optional(),
    representativeName: optionalText(120, "name"),
    representativeId: optionalText(120, "representative id"),
    representativeDeclinedName: z.boolean().default(false),
    referenceNumber: optionalText(120, "reference number"),
    notes: optionalText(20_000, "notes"),
    outcome: z.enum(contactOutcomes).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.startedAt > latestPlausible()) {
      ctx.addIssue({ code: "custom", path: ["startedAt"], message: "That time is in the future." });
    }
    if (value.endedAt && value.endedAt < value.startedAt) {
      ctx.addIssue({ code: "custom", path: ["endedAt"], message: "The end is before the start." });
    }
  });
export type LogContactInput = z.input<typeof logContactInput>;
