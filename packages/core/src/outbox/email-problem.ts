// A failed send keeps the mail server's own words (`notifications.last_error`) for whoever runs
// Caseward; the user is told what happened in a sentence, never the raw SMTP text.
const problems: [RegExp, string][] = [
  [
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|ESOCKET|ECONNECTION|timeout|greeting|connect/i,
    "Caseward could not reach its mail server. It tries again by itself.",
  ],
  [
    /EAUTH|invalid login|\b53[05]\b|authentication/i,
    "The mail server refused Caseward's sign-in. Whoever runs Caseward needs to check its email settings.",
  ],
  [
    /recipient|EENVELOPE|\b55[0-3]\b|mailbox/i,
    "Your email provider refused the message. Check that your email address in Settings is right.",
  ],
  [/\b4\d\d\b/, "Your email provider asked Caseward to try later. It tries again by itself."],
];

/** What went wrong with an email, in a sentence a person understands (null when nothing did). */
export function emailProblemOf(lastError: string | null | undefined): string | null {
  if (!lastError) return null;
  return (
    problems.find(([pattern]) => pattern.test(lastError))?.[1] ??
    "The email could not be sent. Caseward tries again by itself."
  );
}
