import { readDevMailbox } from "@caseward/core/mail";
import { formatDateTime } from "@caseward/core/time";
import { Card, EmptyState, PageHeader } from "@caseward/ui";
import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { env } from "~/env";
import { getSession } from "~/server/auth";
import { requestClock } from "~/server/clock";
import { mailboxDir } from "~/server/paths";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DevMailbox");
  return { title: t("metaTitle") };
}

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
  const [emails, clock, t] = await Promise.all([
    readDevMailbox(mailboxDir(), session.user.id),
    requestClock(session.user.id),
    getTranslations("DevMailbox"),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("lead", { email: session.user.email })} />
      {emails.length === 0 ? (
        <EmptyState
          icon={<Inbox aria-hidden className="size-6" />}
          title={t("emptyTitle")}
          description={t("emptyLead")}
        />
      ) : (
        <ul aria-label={t("listLabel")} className="space-y-3">
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
