"use client";

import type { DisclosureKind, RedFlagKind, RedFlagSource } from "@caseward/core/schemas";
import { channelKindLabels, contactOutcomeLabels, countOf } from "@caseward/core/schemas";
import {
  Alert,
  Badge,
  Button,
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  DialogTrigger,
} from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowDownLeft, ArrowUpRight, CircleCheck, Mic, Pencil, Trash2 } from "lucide-react";
import { useState } from "react";

import { AttachmentUpload } from "~/components/attachment-upload";
import type { EditableContact, LadderChannel } from "~/components/contact-form";
import { LazyContactForm } from "~/components/contact-form-lazy";
import { ContactPrivacy } from "~/components/contact-privacy";
import { ContactTimeEditor } from "~/components/contact-time-editor";
import type { DisclosureContext } from "~/components/disclosure-form";
import { serverMessage } from "~/lib/form";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

/** A contact as the timeline shows it: what the form edits, and what hangs off it. */
interface TimelineContact extends EditableContact {
  attachments: {
    id: string;
    fileName: string;
    mimeType: string;
    sizeBytes: number;
    kind: string;
    thumbnailBytes: number | null;
  }[];
  redFlags: { id: string; kind: RedFlagKind; source: RedFlagSource }[];
  disclosures: {
    id: string;
    kind: DisclosureKind;
    asked: boolean;
    reason: string | null;
    detail: string | null;
  }[];
}

function duration(contact: TimelineContact) {
  if (!contact.endedAt) return null;
  const minutes = Math.round((contact.endedAt.getTime() - contact.startedAt.getTime()) / 60_000);
  return minutes < 1 ? "under a minute" : `${minutes} min`;
}

/** Every contact of a case, newest first: who, when, how, what was said and promised. */
export function ContactTimeline({
  caseId,
  channels,
  contacts,
  questions,
  privacy,
  onChange,
}: {
  caseId: string;
  channels: LadderChannel[];
  contacts: TimelineContact[];
  privacy: DisclosureContext;
  questions: {
    id: string;
    text: string;
    answer: string | null;
    answeredInContactId: string | null;
  }[];
  onChange: () => void;
}) {
  const clock = useClock();
  return (
    <section aria-labelledby="timeline-heading" className="space-y-3">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Timeline
      </h2>
      {contacts.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-6 text-sm text-muted-foreground">
          No contact yet. Start a contact session when you call or chat, so you come out with the
          representative’s name, the time, a reference number and what was said.
        </p>
      ) : (
        <ol aria-label="Contacts" className="relative space-y-3 border-l border-border pl-5">
          {contacts.map((contact) => {
            const answered = questions.filter((q) => q.answeredInContactId === contact.id);
            const took = duration(contact);
            return (
              <li
                key={contact.id}
                id={`contact-${contact.id}`}
                className="relative rounded-lg border border-border bg-card p-4"
              >
                <span
                  aria-hidden
                  className="absolute top-5 -left-[27px] size-3 rounded-full border-2 border-background bg-primary"
                />
                <ContactActions caseId={caseId} channels={channels} contact={contact} />
                <div className="flex flex-wrap items-center gap-2 pr-20 text-sm">
                  {contact.direction === "outbound" ? (
                    <ArrowUpRight aria-hidden className="size-4 text-muted-foreground" />
                  ) : (
                    <ArrowDownLeft aria-hidden className="size-4 text-muted-foreground" />
                  )}
                  <span className="font-medium">
                    {contact.direction === "outbound" ? "You contacted them" : "They contacted you"}{" "}
                    · {channelKindLabels[contact.channelKind]}
                  </span>
                  <time
                    dateTime={contact.startedAt.toISOString()}
                    className="text-muted-foreground"
                  >
                    {clock.dateTime(contact.startedAt)}
                    {took ? ` · ${took}` : ""}
                  </time>
                  {contact.outcome && (
                    <Badge variant="neutral">{contactOutcomeLabels[contact.outcome]}</Badge>
                  )}
                  {contact.recorded && (
                    <Badge variant="info">
                      <Mic aria-hidden className="size-3" /> Recorded
                    </Badge>
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
                  {contact.promisedFollowUp && (
                    <>
                      <dt className="text-muted-foreground">Promised</dt>
                      <dd>
                        {contact.promisedFollowUp}
                        {contact.followUpDueAt
                          ? ` — by ${clock.dateTime(contact.followUpDueAt)}`
                          : ""}
                      </dd>
                    </>
                  )}
                </dl>
                {contact.notes && (
                  <p className="mt-2 text-sm whitespace-pre-wrap">{contact.notes}</p>
                )}
                {answered.length > 0 && (
                  <ul aria-label="Answered in this contact" className="mt-3 space-y-1 text-sm">
                    {answered.map((q) => (
                      <li key={q.id} className="flex gap-1.5">
                        <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-success" />
                        <span>
                          <span className="font-medium">{q.text}</span> — {q.answer}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                {contact.transcript && (
                  <details className="mt-3 rounded-md bg-muted/50 p-2 text-sm">
                    <summary className="cursor-pointer font-medium">Transcript</summary>
                    <pre className="mt-2 max-h-80 overflow-auto font-sans whitespace-pre-wrap">
                      {contact.transcript}
                    </pre>
                  </details>
                )}
                <ContactPrivacy
                  contactId={contact.id}
                  context={privacy}
                  redFlags={contact.redFlags}
                  disclosures={contact.disclosures}
                  onChange={onChange}
                />
                <ContactTimeEditor contactId={contact.id} startedAt={contact.startedAt} />
                <div className="mt-3">
                  <AttachmentUpload
                    contactId={contact.id}
                    attachments={contact.attachments}
                    onChange={onChange}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Edit and delete one contact, each in its dialog; the case's status and deadlines follow. */
function ContactActions({
  caseId,
  channels,
  contact,
}: {
  caseId: string;
  channels: LadderChannel[];
  contact: TimelineContact;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const clock = useClock();
  const remove = useMutation(
    trpc.contact.delete.mutationOptions({
      onSuccess: async () => {
        // Its case's status, deadlines and search results change with it.
        await queryClient.invalidateQueries();
        setDeleting(false);
      },
    }),
  );
  const when = clock.dateTime(contact.startedAt);
  const files = contact.attachments.length;
  return (
    <div className="absolute top-2 right-2 flex gap-1">
      <Dialog open={editing} onOpenChange={setEditing}>
        <DialogTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`Edit the contact of ${when}`}>
            <Pencil aria-hidden className="size-4" />
          </Button>
        </DialogTrigger>
        <DialogContent
          title="Edit the contact"
          description="The case's status and deadlines follow what you change."
        >
          <LazyContactForm
            caseId={caseId}
            channels={channels}
            contact={contact}
            onSaved={() => setEditing(false)}
          />
        </DialogContent>
      </Dialog>
      <Dialog
        open={deleting}
        onOpenChange={(open) => {
          setDeleting(open);
          remove.reset();
        }}
      >
        <DialogTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`Delete the contact of ${when}`}>
            <Trash2 aria-hidden className="size-4" />
          </Button>
        </DialogTrigger>
        <DialogContent title="Delete this contact?">
          {remove.isError && <Alert variant="danger">{serverMessage(remove.error)}</Alert>}
          <p className="text-sm">
            The contact of {when} goes with its notes
            {files > 0 ? `, ${countOf(files, "file")}` : ""}, the personal data noted as given and
            its warning signs. The case&rsquo;s status and deadlines are worked out again from its
            other contacts; emails already sent stay in its history.
          </p>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="ghost">Keep it</Button>
            </DialogClose>
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={() => remove.mutate({ contactId: contact.id })}
            >
              Delete contact
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
