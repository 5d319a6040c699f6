import { readDevMailbox } from "@caseward/core/mail";
import { formatDateTime } from "@caseward/core/time";
import { Card, EmptyState, PageHeader } from "@caseward/ui";
import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { env } from "~/env";
import { getSession } from "~/server/auth";
import { requestClock } from "~/server/clock";
import { mailboxDir } from "~/server/paths";

export const metadata: Metadata = { title: "Dev mailbox" };

/** An email's text with its web addresses as links (only http and https: nothing else runs). */
function withLinks(text: string) {
  return text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="text-primary underline underline-offset-2">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

// Without SMTP_URL the worker writes emails here instead of sending them; each user sees
// only the emails of their own account (filed by user id, deleted with the account).
export default async function DevMailboxPage() {
  if (env.SMTP_URL) notFound();
  const session = await getSession();
  if (!session) notFound();
  const [emails, clock] = await Promise.all([
    readDevMailbox(mailboxDir(), session.user.id),
    requestClock(session.user.id),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Dev mailbox"
        description={`Emails Caseward would have sent you (${session.user.email}). Set SMTP_URL to send real email.`}
      />
      {emails.length === 0 ? (
        <EmptyState
          icon={<Inbox aria-hidden className="size-6" />}
          title="No emails yet"
          description="The welcome email arrives here a few seconds after sign-up."
        />
      ) : (
        <ul aria-label="Emails" className="space-y-3">
          {emails.map((email) => (
            <li key={email.id}>
              <Card className="p-4">
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium">{email.subject}</span>{" "}
                    <span className="text-sm text-muted-foreground">
                      ·{" "}
                      <time dateTime={email.sentAt}>
                        {formatDateTime(new Date(email.sentAt), clock, { now: clock.renderedAt })}
                      </time>
                    </span>
                  </summary>
                  <pre className="mt-3 font-sans text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">
                    {withLinks(email.text)}
                  </pre>
                </details>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
