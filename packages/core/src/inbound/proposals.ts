import type { BusinessCalendar } from "../calendar/business-time";
import { dueAfterBusinessDays } from "../calendar/business-time";
import { findFullSecret } from "../privacy/find-full-secret";
import { datesIn, instantOf } from "./mail-dates";

/**
 * What a company's email proposes for the contact: its reference number ("case #", "ticket",
 * "reference", "confirmation", "numéro de dossier") and a promise ("within 5 business days",
 * "by December 10", "d'ici le 15 décembre") with the date it falls due on the user's clock.
 */

const referenceCue =
  /\b(?:case|ticket|reference|ref|confirmation|claim|complaint|incident|request|order|dossier|r[ée]f[ée]rence|r[ée]clamation|demande|commande|billet|requ[êe]te|suivi)(?:\s+(?:number|no|num|id|#|num[ée]ro|n°))?\.?\s*(?:is|est(?: le)?|:|#|=)?\s*#?\s*([A-Z0-9][A-Z0-9-]{2,39})/giu;

/** The company's reference number in the subject or text, or null. */
export function proposeReference(subject: string, text: string): string | null {
  for (const match of `${subject}\n${text}`.matchAll(referenceCue)) {
    const token = match[1]!.replace(/-+$/, "");
    // A reference has digits; a full card or id number is never stored, even as a reference.
    if (token.length >= 4 && /\d/.test(token) && !findFullSecret(token)) return token;
  }
  return null;
}

export interface PromiseProposal {
  /** The sentence that made the promise. */
  promise: string;
  dueAt: Date;
}

const businessDays =
  /\b(?:within|in|under)\s+(\d{1,2})\s+business\s+days?\b|\b(?:dans un d[ée]lai de|d'ici|sous|dans(?: les)?)\s+(\d{1,2})\s+jours?\s+ouvr(?:ables|[ée]s)\b/i;
// A promise is about what the company will do; "your account will be closed today" has no date.
const promiseWords =
  /\b(?:will|shall|expect|by|before|within|no later than|should|d'ici|avant|sous|au plus tard|communiquera|recevrez|sera|seront)\b/i;

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The first promise with a date in the text: "within N business days" counts business days
 * from when the mail was sent on the user's calendar; a written date ("by December 10") means
 * the end of that business day in the user's zone.
 */
export function proposePromise(
  text: string,
  sentAt: Date,
  calendar: BusinessCalendar,
): PromiseProposal | null {
  const endOfDay = (calendar.hours?.end ?? "17:00").split(":").map(Number) as [number, number];
  for (const sentence of sentencesOf(text).slice(0, 500)) {
    if (sentence.length > 1_000) continue;
    const days = businessDays.exec(sentence);
    const count = Number(days?.[1] ?? days?.[2]);
    if (days && count > 0) {
      return {
        promise: sentence.slice(0, 500),
        dueAt: dueAfterBusinessDays(sentAt, count, calendar),
      };
    }
    if (!promiseWords.test(sentence)) continue;
    for (const found of datesIn(sentence, sentAt)) {
      if (!/\d/.test(found.text)) continue;
      const dueAt = instantOf(
        found.start,
        calendar.timeZone,
        endOfDay[0] === 24 ? 23 : endOfDay[0],
        endOfDay[0] === 24 ? 59 : endOfDay[1],
      );
      if (dueAt > sentAt) return { promise: sentence.slice(0, 500), dueAt };
    }
  }
  return null;
}
