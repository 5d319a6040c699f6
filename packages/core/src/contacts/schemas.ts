import {
  channelKinds,
  contactDirections,
  contactOutcomes,
  redFlagKinds,
} from "@caseward/db/vocabulary";
import { z } from "zod";

import { isPlausibleDate, plausibleDateMessage } from "../input-safety";
import { freeText } from "../privacy/free-text";
import { disclosureFields } from "../privacy/schemas";
import { answerText } from "../questions/schemas";

// A day of slack covers clocks and time zones; anything later is a typo.
export const latestPlausibleContactTime = () => new Date(Date.now() + 24 * 3600 * 1000);

// A time without a zone ("2026-12-08T17:00") would be read on the clock of whichever machine
// parses it. The forms read what the user typed on their settings' clock and send the instant;
// an API caller must say which clock too.
const zoneless = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const instant = (message: string) =>
  z.preprocess(
    (value, ctx) => {
      if (typeof value === "string" && zoneless.test(value.trim())) {
        ctx.addIssue({
          code: "custom",
          message: "Give the time with its offset or Z, such as 2026-12-08T17:00-05:00.",
        });
        return z.NEVER;
      }
      return value;
    },
    z.coerce.date(message).refine(isPlausibleDate, plausibleDateMessage),
  );

export const logContactInput = z
  .object({
    caseId: z.uuid("Unknown case."),
    channelId: z.uuid("Unknown channel.").optional(),
    channelKind: z.enum(channelKinds, "Pick the channel you used."),
    direction: z.enum(contactDirections).default("outbound"),
    startedAt: instant("Enter when the contact started."),
    endedAt: instant("Enter a valid end time.").optional(),
    representativeName: freeText(120, "name").optional(),
    representativeId: freeText(120, "representative id").optional(),
    representativeDeclinedName: z.boolean().default(false),
    referenceNumber: freeText(120, "reference number").optional(),
    notes: freeText(20_000, "notes").optional(),
    transcript: freeText(200_000, "transcript").optional(),
    outcome: z.enum(contactOutcomes).optional(),
    promisedFollowUp: freeText(500, "promise").optional(),
    followUpDueAt: instant("Enter the date and time they promised.").optional(),
    recorded: z.boolean().default(false),
    /** Questions answered during this contact. */
    answers: z
      .array(z.object({ questionId: z.uuid("Unknown question."), answer: answerText }))
      .max(200)
      .default([]),
    /** Personal data given during this contact (the disclosure ledger). */
    disclosures: z
      .array(disclosureFields)
      .max(50, "That is a lot of disclosures: save in parts.")
      .default([]),
    /** Warning signs the user marked; the server adds what the text and channel show. */
    redFlags: z
      .array(z.enum(redFlagKinds, "Unknown warning sign."))
      .max(redFlagKinds.length)
      .default([]),
  })
  .superRefine((value, ctx) => {
    checkContactTimes(value, ctx);
    const ids = value.answers.map((a) => a.questionId);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: "custom", path: ["answers"], message: "A question is answered twice." });
    }
  });
export type LogContactInput = z.input<typeof logContactInput>;

/** A contact's times must make sense together: not in the future, the end after the start. */
function checkContactTimes(
  value: { startedAt: Date; endedAt?: Date; followUpDueAt?: Date },
  ctx: z.RefinementCtx,
) {
  if (value.startedAt > latestPlausibleContactTime()) {
    ctx.addIssue({ code: "custom", path: ["startedAt"], message: "That time is in the future." });
  }
  if (value.endedAt && value.endedAt < value.startedAt) {
    ctx.addIssue({ code: "custom", path: ["endedAt"], message: "The end is before the start." });
  }
  if (value.followUpDueAt && value.followUpDueAt < value.startedAt) {
    ctx.addIssue({
      code: "custom",
      path: ["followUpDueAt"],
      message: "The promised date is before the contact.",
    });
  }
}

/**
 * A saved contact, edited: every field as the form shows it (an empty one is cleared), through
 * the same rules as logging it. Answers, disclosures and warning signs have their own edits.
 */
export const updateContactInput = z
  .object(logContactInput.shape)
  .omit({ caseId: true, answers: true, disclosures: true, redFlags: true })
  .extend({ contactId: z.uuid("Unknown contact.") })
  .superRefine(checkContactTimes);
export type UpdateContactInput = z.input<typeof updateContactInput>;

export const contactIdInput = z.object({ contactId: z.uuid("Unknown contact.") });

export const contactTimeInput = z
  .object({
    contactId: z.uuid("Unknown contact."),
    startedAt: instant("Enter when the contact started."),
  })
  .refine((value) => value.startedAt <= latestPlausibleContactTime(), {
    path: ["startedAt"],
    message: "That time is in the future.",
  });
