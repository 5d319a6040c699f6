import type { DisclosureKind, RedFlagKind, RedFlagSource } from "@caseward/core/schemas";
import { humanFileSize, maxAttachmentBytes } from "@caseward/core/schemas";
import { Badge } from "@caseward/ui";
import { getLocale, getTranslations } from "next-intl/server";

import { IconSymbols, SymbolIcon } from "~/components/icon-symbols";
import { CircleCheckIcon } from "~/components/plain-icons";
import type { AttachmentItem } from "~/components/contact-files";
import type { EditableContact, LadderChannel } from "~/components/contact-form";
import type { DisclosureContext } from "~/components/disclosure-form";
import { getUserClock } from "~/server/user-clock";
import { ContactIsland } from "./contact-island";
import { StaticChildren } from "./static-children";

/** A contact as the timeline shows it: what the form edits, and what hangs off it. */
interface TimelineContact extends EditableContact {
  /** The files as stored: the page writes each one's size (`AttachmentItem`). */
  attachments: Omit<AttachmentItem, "size">[];
  redFlags: { id: string; kind: RedFlagKind; source: RedFlagSource }[];
  disclosures: {
    id: string;
    kind: DisclosureKind;
    asked: boolean;
    reason: string | null;
    detail: string | null;
  }[];
}

/** The minutes a contact took; null when its end was not noted. */
function minutesOf(contact: TimelineContact) {
  if (!contact.endedAt) return null;
  return Math.round((contact.endedAt.getTime() - contact.startedAt.getTime()) / 60_000);
}

/** What the contact form edits, and nothing else of the contact, for its client islands. */
const editable = (contact: TimelineContact): EditableContact => ({
  id: contact.id,
  channelId: contact.channelId,
  channelKind: contact.channelKind,
  direction: contact.direction,
  startedAt: contact.startedAt,
  endedAt: contact.endedAt,
  representativeName: contact.representativeName,
  representativeId: contact.representativeId,
  representativeDeclinedName: contact.representativeDeclinedName,
  referenceNumber: contact.referenceNumber,
  notes: contact.notes,
  transcript: contact.transcript,
  outcome: contact.outcome,
  promisedFollowUp: contact.promisedFollowUp,
  followUpDueAt: contact.followUpDueAt,
  recorded: contact.recorded,
});

/** Every contact of a case, newest first: who, when, how, what was said and promised. */
export async function ContactTimeline({
  caseId,
  channels,
  contacts,
  questions,
  privacy,
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
}) {
  const [t, vocabulary, actions, forms, disclosures, files, clock, locale] = await Promise.all([
    getTranslations("CaseTimeline"),
    getTranslations("Vocabulary"),
    getTranslations("ContactActions"),
    getTranslations("ContactForm"),
    getTranslations("Disclosures"),
    getTranslations("Attachments"),
    getUserClock(),
    getLocale(),
  ]);
  // File sizes are written here: the browser loads no catalogue of units for them.
  const maxFileSize = humanFileSize(maxAttachmentBytes, locale);
  // The contact parts' sentences are written here too: the browser hydrates them as they are.
  // One object for every contact: the page's payload carries it once.
  const text = {
    recordSummary: disclosures("recordSummary"),
    changeTime: forms("changeTime"),
    attach: files("attach"),
    attachHint: files("attachHint", { size: maxFileSize }),
    transcript: t("transcript"),
  };
  return (
    <section aria-labelledby="timeline-heading" className="space-y-3">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {contacts.length > 0 && <IconSymbols />}
      {contacts.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-6 text-sm text-muted-foreground">
          {t("empty")}
        </p>
      ) : (
        <ol aria-label={t("contacts")} className="relative space-y-3 border-l border-border pl-5">
          {contacts.map((contact) => {
            const answered = questions.filter((q) => q.answeredInContactId === contact.id);
            const minutes = minutesOf(contact);
            const when = clock.dateTime(contact.startedAt);
            return (
              // The timeline's dot is drawn by the item itself: an element less per contact.
              <li
                key={contact.id}
                id={`contact-${contact.id}`}
                className="relative before:absolute before:top-[21px] before:-left-[26px] before:size-3 before:rounded-full before:border-2 before:border-background before:bg-primary"
              >
                <div className="relative rounded-lg border border-border bg-card p-4">
                  <ContactIsland
                    caseId={caseId}
                    channels={channels}
                    contact={editable(contact)}
                    when={when}
                    text={text}
                    labels={{
                      edit: actions("editLabel", { when }),
                      delete: actions("deleteLabel", { when }),
                    }}
                    privacy={privacy}
                    redFlags={contact.redFlags}
                    disclosures={contact.disclosures}
                    attachments={contact.attachments.map((attachment) => ({
                      ...attachment,
                      size: humanFileSize(attachment.sizeBytes, locale),
                    }))}
                    maxFileSize={maxFileSize}
                    answered={
                      answered.length > 0 && (
                        <StaticChildren
                          as="ul"
                          aria-label={t("answered")}
                          className="mt-3 space-y-1 text-sm"
                        >
                          {answered.map((q) => (
                            <li key={q.id} className="flex gap-1.5">
                              <CircleCheckIcon
                                aria-hidden
                                className="mt-0.5 size-4 shrink-0 text-success"
                              />
                              <span>
                                <span className="font-medium">{q.text}</span> — {q.answer}
                              </span>
                            </li>
                          ))}
                        </StaticChildren>
                      )
                    }
                  >
                    <StaticChildren
                      as="div"
                      className="flex flex-wrap items-center gap-2 pr-20 text-sm"
                    >
                      <SymbolIcon
                        name={
                          contact.direction === "outbound" ? "arrow-up-right" : "arrow-down-left"
                        }
                        className="size-4 text-muted-foreground"
                      />
                      <span className="font-medium">
                        {t("heading", {
                          direction: contact.direction,
                          channel: vocabulary(`channelKind.${contact.channelKind}`),
                        })}
                      </span>
                      <time
                        dateTime={contact.startedAt.toISOString()}
                        className="text-muted-foreground"
                      >
                        {minutes === null ? when : t("whenFor", { when, minutes })}
                      </time>
                      {contact.outcome && (
                        <Badge variant="neutral">
                          {vocabulary(`contactOutcome.${contact.outcome}`)}
                        </Badge>
                      )}
                      {contact.recorded && (
                        <Badge variant="info">
                          <SymbolIcon name="mic" className="size-3" /> {t("recorded")}
                        </Badge>
                      )}
                    </StaticChildren>
                    <StaticChildren
                      as="dl"
                      className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm"
                    >
                      <dt className="text-muted-foreground">{t("representative")}</dt>
                      <dd>
                        {contact.representativeDeclinedName
                          ? t("declinedName")
                          : (contact.representativeName ?? t("notNoted"))}
                        {contact.representativeId
                          ? ` ${t("representativeId", { id: contact.representativeId })}`
                          : ""}
                      </dd>
                      {contact.referenceNumber && (
                        <>
                          <dt className="text-muted-foreground">{t("reference")}</dt>
                          <dd className="font-mono">{contact.referenceNumber}</dd>
                        </>
                      )}
                      {contact.promisedFollowUp && (
                        <>
                          <dt className="text-muted-foreground">{t("promised")}</dt>
                          <dd>
                            {contact.followUpDueAt
                              ? t("promisedBy", {
                                  promise: contact.promisedFollowUp,
                                  date: clock.dateTime(contact.followUpDueAt),
                                })
                              : contact.promisedFollowUp}
                          </dd>
                        </>
                      )}
                    </StaticChildren>
                  </ContactIsland>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
