"use client";

import {
  casePriorityLabels,
  channelKindLabels,
  contactOutcomeLabels,
} from "@caseward/core/schemas";
import {
  Badge,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  PageHeader,
} from "@caseward/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { ArrowDownLeft, ArrowUpRight } from "lucide-react";
import Link from "next/link";

import { CaseStatusBadge } from "~/components/badges";
import { ContactForm } from "~/components/contact-form";
import { formatDateTime } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

export function CaseDetail({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const { data: found } = useSuspenseQuery(trpc.case.byId.queryOptions({ caseId }));

  return (
    <div className="space-y-6">
      <PageHeader
        title={found.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link
              href={`/companies/${found.company.id}`}
              className="font-medium text-foreground hover:underline"
            >
              {found.company.name}
            </Link>
            <CaseStatusBadge status={found.status} />
            <Badge variant="outline">{casePriorityLabels[found.priority]} priority</Badge>
          </span>
        }
      />
      {found.description && (
        <p className="max-w-prose whitespace-pre-wrap text-sm text-muted-foreground">
          {found.description}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <Card>
          <CardHeader>
            <CardTitle>Log a contact</CardTitle>
            <CardDescription>
              Note who you spoke to, when, and the reference number.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ContactForm caseId={found.id} channels={found.channels} />
          </CardContent>
        </Card>
        <section aria-labelledby="timeline-heading" className="space-y-3">
          <h2 id="timeline-heading" className="text-lg font-semibold">
            Timeline
          </h2>
          {found.contacts.length === 0 ? (
            <p className="rounded-lg border border-dashed border-border p-6 text-sm text-muted-foreground">
              No contact yet. When you reach out, log it here so you always know who said what, and
              when.
            </p>
          ) : (
            <ol aria-label="Contacts" className="relative space-y-3 border-l border-border pl-5">
              {found.contacts.map((contact) => (
                <li
                  key={contact.id}
                  className="relative rounded-lg border border-border bg-card p-4"
                >
                  <span
                    aria-hidden
                    className="absolute -left-[27px] top-5 size-3 rounded-full border-2 border-background bg-primary"
                  />
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    {contact.direction === "outbound" ? (
                      <ArrowUpRight aria-hidden className="size-4 text-muted-foreground" />
                    ) : (
                      <ArrowDownLeft aria-hidden className="size-4 text-muted-foreground" />
                    )}
                    <span className="font-medium">
                      {contact.direction === "outbound"
                        ? "You contacted them"
                        : "They contacted you"}{" "}
                      · {channelKindLabels[contact.channelKind]}
                    </span>
                    <time
                      dateTime={contact.startedAt.toISOString()}
                      className="text-muted-foreground"
                    >
                      {formatDateTime(contact.startedAt)}
                    </time>
                    {contact.outcome && (
                      <Badge variant="neutral">{contactOutcomeLabels[contact.outcome]}</Badge>
                    )}
                  </div>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="text-muted-foreground">Representative</dt>
                    <dd>
                      {contact.representativeDeclinedName
                        ? "Would not give a name"
                        : (contact.representativeName ?? "Not noted")}
                      {contact.representativeId ? ` (id ${contact.representativeId})` : ""}
                    </dd>
                    {contact.referenceNumber && (
                      <>
                        <dt className="text-muted-foreground">Reference</dt>
                        <dd className="font-mono">{contact.referenceNumber}</dd>
                      </>
                    )}
                  </dl>
                  {contact.notes && (
                    <p className="mt-2 whitespace-pre-wrap text-sm">{contact.notes}</p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}
