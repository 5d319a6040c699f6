import type { Locale } from "../i18n/locale";
import { translator } from "../i18n/translate";

// A failed send keeps the mail server's own words (`notifications.last_error`) for whoever runs
// Caseward; the user is told what happened in a sentence, never the raw SMTP text.
const problems: [RegExp, "unreachable" | "signIn" | "refused" | "later"][] = [
  [
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|ESOCKET|ECONNECTION|timeout|greeting|connect/i,
    "unreachable",
  ],
  [/EAUTH|invalid login|\b53[05]\b|authentication/i, "signIn"],
  [/recipient|EENVELOPE|\b55[0-3]\b|mailbox/i, "refused"],
  [/\b4\d\d\b/, "later"],
];

/** What went wrong with an email, in a sentence a person understands (null when nothing did). */
export function emailProblemOf(
  lastError: string | null | undefined,
  locale: Locale = "en",
): string | null {
  if (!lastError) return null;
  const problem = problems.find(([pattern]) => pattern.test(lastError))?.[1] ?? "unknown";
  return translator(locale, "EmailProblem")(problem);
}
