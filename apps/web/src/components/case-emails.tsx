import type { NotificationKind, NotificationState } from "@caseward/core/schemas";
import { Badge } from "@caseward/ui";
import { getTranslations } from "next-intl/server";

import { MailIcon } from "~/components/plain-icons";
import { getUserClock } from "~/server/user-clock";

const stateVariant = {
  pending: "neutral",
  sending: "info",
  sent: "success",
  failed: "danger",
  cancelled: "outline",
  held: "warning",
} as const satisfies Record<NotificationState, string>;

/** The emails Caseward owed about this case: when, sent or not, how many tries, the last error. */
export async function CaseEmails({
  emails,
}: {
  emails: {
    id: string;
    kind: NotificationKind;
    state: NotificationState;
    sendAfter: Date;
    attempts: number;
    problem: string | null;
    sentAt: Date | null;
  }[];
}) {
  if (emails.length === 0) return null;
  const [t, vocabulary, clock] = await Promise.all([
    getTranslations("CaseEmails"),
    getTranslations("Vocabulary"),
    getUserClock(),
  ]);
  return (
    <ul aria-label={t("label")} className="space-y-2">
      {emails.map((email) => (
        <li
          key={email.id}
          className="flex flex-wrap items-center gap-2 rounded-lg border border-dashed border-border p-3 text-sm"
        >
          <MailIcon aria-hidden className="size-4 text-muted-foreground" />
          <span className="font-medium">{vocabulary(`notificationKind.${email.kind}`)}</span>
          <Badge variant={stateVariant[email.state]}>
            {vocabulary(`notificationState.${email.state}`)}
          </Badge>
          <span className="text-muted-foreground">
            {email.sentAt
              ? clock.dateTime(email.sentAt)
              : t("notBefore", { date: clock.dateTime(email.sendAfter) })}
            {email.attempts > 1 ? ` · ${t("tries", { count: email.attempts })}` : ""}
          </span>
          {email.problem && email.state !== "sent" && (
            <span className="w-full text-xs text-danger">{email.problem}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
