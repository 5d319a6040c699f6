import { z } from "zod";

import { findFullSecret } from "./find-full-secret";
import { secretRefusalMessage } from "./refusal-message";

/** Marks issues raised by the secret check, so a form can offer to keep only the last digits. */
export const FULL_SECRET_ISSUE = "full_secret";

/**
 * Free text the user saves (notes, answers, transcripts…): trimmed, bounded, and refused when it
 * holds a full card or national id number, which Caseward never stores.
 */
export function freeText(max: number, label: string) {
  return z
    .string(`Enter the ${label}.`)
    .trim()
    .max(max, `Keep the ${label} under ${max.toLocaleString("en")} characters.`)
    .superRefine((value, ctx) => {
      const secret = findFullSecret(value);
      if (secret) {
        ctx.addIssue({
          code: "custom",
          message: secretRefusalMessage(secret.kind),
          params: { reason: FULL_SECRET_ISSUE },
        });
      }
    });
}
