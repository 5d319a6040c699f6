import type { NotificationKind, NotificationState } from "@caseward/core/schemas";
import { notificationKindLabels, notificationStateLabels } from "@caseward/core/schemas";
import { Badge } from "@caseward/ui";
import { Mail } from "lucide-react";

import { useClock } from "~/lib/time";

const stateVariant = {
  pending: "neutral",
  sending: "info",
  sent: "success",
  failed: "danger",
  cancelled: "outline",
  held: "warning",
} as const satisfies Record<NotificationState, string>;

/** The emails Caseward owed about this case: when, sent or not, how many tries, the last error. */
export function CaseEmails({
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
  const clock = useClock();
  if (emails.length === 0) return null;
  return (
    <ul aria-label="Emails about this case" className="space-y-2">
      {emails.map((email) => (
        <li
          key={email.id}
          className="flex flex-wrap items-center gap-2 rounded-lg border border-dashed border-border p-3 text-sm"
        >
          <Mail aria-hidden className="size-4 text-muted-foreground" />
          <span className="font-medium">{notificationKindLabels[email.kind]}</span>
          <Badge variant={stateVariant[email.state]}>{notificationStateLabels[email.state]}</Badge>
          <span className="text-muted-foreground">
            {email.sentAt
              ? clock.dateTime(email.sentAt)
              : `not before ${clock.dateTime(email.sendAfter)}`}
            {email.attempts > 1 ? ` · ${email.attempts} tries` : ""}
          </span>
          {email.problem && email.state !== "sent" && (
            <span className="w-full text-xs text-danger">{email.problem}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
