import type { AttachmentKind } from "@caseward/db/vocabulary";

import {
  caseStatusLabels,
  channelKindLabels,
  contactOutcomeLabels,
  disclosureKindLabels,
} from "../labels";
import { countOf } from "../plural";
import { redFlagDetails } from "../privacy/red-flags";
import type { UserClock } from "../calendar/clock";
import { formatDate, formatDateTime } from "../calendar/clock";
import type {
  DeadlineStatus,
  EvidenceContact,
  EvidencePack,
  EvidenceQuestion,
} from "./evidence-pack";

// The dossier's words, shared by the print page and the PDF so both say the same thing.

/** The pack's clock (its `timeZone` and `locale`): a record always names its zone and year. */
export type EvidenceClock = Pick<UserClock, "timeZone" | "locale">;

export const evidenceSections = {
  summary: { title: "Summary", empty: null },
  timeline: { title: "Timeline of contacts", empty: "No contact recorded yet." },
  deadlines: { title: "Deadlines", empty: "No deadline was set." },
  questions: { title: "Questions", empty: "No question was written down." },
} as const;

/** One line of the dossier: a label and its value, left out when there is nothing to say. */
export interface EvidenceField {
  label: string;
  value: string;
  /** Codes and numbers the reader may have to type: shown in a fixed-width font on screen. */
  code?: boolean;
}

const fields = (list: (EvidenceField | { value: string | null | undefined })[]) =>
  list.filter((field): field is EvidenceField => Boolean(field.value));

export const deadlineStatusLabels: Record<DeadlineStatus, string> = {
  met: "Met",
  missed: "Missed",
  cancelled: "Cancelled",
  upcoming: "Upcoming",
  overdue: "Overdue",
  reached: "Reached",
};

const attachmentKindText: Record<AttachmentKind, string> = {
  transcript: "transcript",
  recording: "recording",
  email: "email",
  document: "document",
  image: "image",
};

const promiseStatusLabels: Record<DeadlineStatus, string> = {
  met: "Kept",
  missed: "Broken",
  overdue: "Broken (past due)",
  upcoming: "Not yet due",
  cancelled: "Withdrawn or replaced",
  reached: "Reached",
};

function promiseText(promise: NonNullable<EvidenceContact["promise"]>, clock: EvidenceClock) {
  const due = promise.dueAt ? ` (by ${formatEvidenceTime(promise.dueAt, clock)})` : "";
  const status = promise.status ? promiseStatusLabels[promise.status] : "No date given";
  return `${promise.text ?? "A follow-up"}${due} — ${status}`;
}

export function representativeText(representative: EvidenceContact["representative"]): string {
  const name = representative.declinedName
    ? "Would not give a name"
    : (representative.name ?? "Name not noted");
  return representative.id ? `${name} (id ${representative.id})` : name;
}

function channelText(channel: EvidenceContact["channel"]): string {
  const kind = channelKindLabels[channel.kind];
  return channel.value ? `${kind} · ${channel.value}` : kind;
}

function directionText(direction: EvidenceContact["direction"]): string {
  return direction === "outbound" ? "I contacted them" : "They contacted me";
}

function durationText(minutes: number | null): string | null {
  if (minutes === null) return null;
  if (minutes < 1) return "under a minute";
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

function redFlagText(kind: EvidenceContact["redFlags"][number]): string {
  return redFlagDetails[kind].title;
}

function disclosureText(disclosure: EvidenceContact["disclosures"][number]): string {
  const label = disclosureKindLabels[disclosure.kind];
  return disclosure.asked ? `${label} (they asked)` : `${label} (I volunteered it)`;
}

export function summaryFields(pack: EvidencePack): EvidenceField[] {
  const { company, summary } = pack;
  const at = (instant: string | null) => instant && formatEvidenceTime(instant, pack);
  return fields([
    { label: "Company", value: company.name },
    { label: "Website", value: company.website },
    {
      label: "Complaint body",
      value:
        company.complaintBody &&
        (company.complaintAfterDays === null
          ? company.complaintBody
          : `${company.complaintBody} (takes complaints ${company.complaintAfterDays} days after the first contact)`),
    },
    { label: "Case status", value: caseStatusLabels[pack.case.status] },
    { label: "Opened", value: at(pack.case.openedAt) },
    { label: "Closed", value: at(pack.case.closedAt) },
    { label: "Contacts", value: String(summary.contacts) },
    { label: "First contact", value: at(summary.firstContactAt) },
    {
      label: "Days since then",
      value: summary.daysSinceFirstContact === null ? null : String(summary.daysSinceFirstContact),
    },
    {
      label: "Promises",
      value: `${summary.promisesMade} made, ${summary.promisesKept} kept, ${summary.promisesBroken} broken`,
    },
    { label: "Deadlines missed", value: String(summary.deadlinesMissed) },
    ...companyFigureFields(pack.companyFigures),
  ]);
}

/** How the company treated the user in this case (the report card's figures, for this case). */
function companyFigureFields(figures: EvidencePack["companyFigures"]) {
  const { timeToAnswer, windowsMissed, promises } = figures;
  const days = (n: number) => `${n} business ${n === 1 ? "day" : "days"}`;
  return [
    {
      label: "Time to a first answer",
      value:
        timeToAnswer.medianBusinessDays === null
          ? "No answer yet"
          : `${days(timeToAnswer.medianBusinessDays)} (median of ${countOf(timeToAnswer.answers, "answer")})`,
    },
    {
      label: "Response windows missed",
      value:
        windowsMissed.decided === 0
          ? null
          : `${windowsMissed.missed} of ${countOf(windowsMissed.decided, "window")} that ended`,
    },
    {
      label: "Promises kept late",
      value: promises.keptLate === 0 ? null : `${promises.keptLate}, after the promised date`,
    },
    { label: "Escalations", value: String(figures.escalations) },
    {
      label: "Time on calls and chats",
      value: figures.talkMinutes === 0 ? null : `${figures.talkMinutes} min`,
    },
  ];
}

/** "#1 · Mon, Nov 2, 2026, 10:00 AM EST · I contacted them" */
export function contactHeading(contact: EvidenceContact, clock: EvidenceClock): string {
  return `#${contact.number} · ${formatEvidenceTime(contact.startedAt, clock)} · ${directionText(contact.direction)}`;
}

export function contactFields(contact: EvidenceContact, clock: EvidenceClock): EvidenceField[] {
  return fields([
    { label: "Channel", value: channelText(contact.channel) },
    { label: "Duration", value: durationText(contact.durationMinutes) },
    { label: "Representative", value: representativeText(contact.representative) },
    { label: "Reference", value: contact.referenceNumber, code: true },
    { label: "Outcome", value: contact.outcome && contactOutcomeLabels[contact.outcome] },
    { label: "Promised", value: contact.promise && promiseText(contact.promise, clock) },
    { label: "Recorded", value: contact.recorded ? "Yes" : null },
    { label: "Red flags", value: contact.redFlags.map(redFlagText).join("; ") },
    { label: "Personal data given", value: contact.disclosures.map(disclosureText).join("; ") },
    {
      label: "Files",
      value: contact.attachments
        .map((file) => `${file.fileName} (${attachmentKindText[file.kind]})`)
        .join("; "),
    },
  ]);
}

export function transcriptTitle(transcript: NonNullable<EvidenceContact["transcript"]>): string {
  return transcript.truncated
    ? `Transcript (excerpt: the first ${transcript.excerpt.length} of ${transcript.characters} characters)`
    : "Transcript";
}

/** "Answer: … (in contact #2)", or that it is still open. */
export function questionAnswerText(question: EvidenceQuestion, clock: EvidenceClock): string {
  if (!question.answer) return "Not answered yet.";
  if (question.answeredInContact !== null) {
    return `Answer: ${question.answer} (in contact #${question.answeredInContact})`;
  }
  return question.answeredAt
    ? `Answer: ${question.answer} (noted ${formatEvidenceDate(question.answeredAt, clock)})`
    : `Answer: ${question.answer}`;
}

/** "Fri, Nov 20, 2026, 10:04 AM EST": the user's clock, with the zone and the year, as a record needs. */
export function formatEvidenceTime(instant: string, clock: EvidenceClock): string {
  return formatDateTime(new Date(instant), { timeZone: clock.timeZone, locale: clock.locale });
}

/** "Fri, Nov 20, 2026": the day on the user's clock. */
export function formatEvidenceDate(instant: string, clock: EvidenceClock): string {
  return formatDate(new Date(instant), { timeZone: clock.timeZone, locale: clock.locale });
}

/**
 * `caseward-evidence-2026-11-28.pdf`: the day it was made, in the user's time zone. Neutral: a
 * file name travels (downloads folder, email attachments, sync services) and is logged, so it
 * never carries the case's title or anything else the user wrote.
 */
export function evidenceFileName(pack: { generatedAt: string; timeZone: string }): string {
  // en-CA writes dates as YYYY-MM-DD.
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone: pack.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(pack.generatedAt));
  return `caseward-evidence-${day}.pdf`;
}
