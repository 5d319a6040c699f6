import type { Database } from "@caseward/db";
import { and, asc, eq } from "@caseward/db";
import {
  attachments,
  cases,
  channels,
  companies,
  contacts,
  disclosures,
  redFlags,
  timers,
} from "@caseward/db/schema";
import type {
  AttachmentKind,
  CaseStatus,
  ChannelKind,
  ContactDirection,
  ContactOutcome,
  DisclosureKind,
  QuestionTier,
  RedFlagKind,
  TimerKind,
} from "@caseward/db/vocabulary";

import type { CompanyFigures } from "../insights/company-report";
import { companyFigures } from "../insights/company-report";
import { ownCase, ownCompany } from "../ownership";
import { listQuestions } from "../questions/question-service";
import { getSettings } from "../settings/settings-service";
import { clockOf } from "../calendar/clock";
import { channelText } from "../channels/display";
import type { DeadlineStatus } from "../escalation/deadline-status";
import { brokenStatuses, deadlineStatus } from "../escalation/deadline-status";

export type { DeadlineStatus };
export { deadlineStatus };

/** A dossier prints an excerpt of a long transcript; the full text stays in Caseward. */
export const TRANSCRIPT_EXCERPT_CHARS = 6_000;

const DAY_MS = 24 * 3600 * 1000;

/** The start of a transcript, cut at a line end when one is near the limit. */
export function transcriptExcerpt(transcript: string, limit = TRANSCRIPT_EXCERPT_CHARS) {
  if (transcript.length <= limit) {
    return { excerpt: transcript, truncated: false, characters: transcript.length };
  }
  const cut = transcript.lastIndexOf("\n", limit);
  const end = cut > limit * 0.8 ? cut : limit;
  return { excerpt: transcript.slice(0, end), truncated: true, characters: transcript.length };
}

export interface EvidenceContact {
  /** 1 for the first contact; questions and deadlines refer to contacts by this number. */
  number: number;
  startedAt: string;
  endedAt: string | null;
  durationMinutes: number | null;
  direction: ContactDirection;
  channel: { kind: ChannelKind; value: string | null };
  representative: { name: string | null; id: string | null; declinedName: boolean };
  referenceNumber: string | null;
  outcome: ContactOutcome | null;
  promise: { text: string | null; dueAt: string | null; status: DeadlineStatus | null } | null;
  notes: string | null;
  transcript: { excerpt: string; truncated: boolean; characters: number } | null;
  recorded: boolean;
  attachments: { fileName: string; kind: AttachmentKind }[];
  redFlags: RedFlagKind[];
  disclosures: { kind: DisclosureKind; asked: boolean }[];
}

export interface EvidenceDeadline {
  kind: TimerKind;
  dueAt: string;
  status: DeadlineStatus;
  /** The contact that started it; null for the regulator clock. */
  contactNumber: number | null;
}

export interface EvidenceQuestion {
  /** 1 for the most important question. */
  number: number;
  tier: QuestionTier;
  text: string;
  answer: string | null;
  answeredAt: string | null;
  answeredInContact: number | null;
}

/** A case's dossier for an ombudsman or regulator: plain data, instants as ISO strings. */
export interface EvidencePack {
  generatedAt: string;
  /** Every time in the pack is read on this zone, in the style of this locale (the user's settings). */
  timeZone: string;
  locale: string;
  case: {
    id: string;
    title: string;
    description: string | null;
    status: CaseStatus;
    openedAt: string;
    closedAt: string | null;
  };
  company: {
    name: string;
    website: string;
    complaintBody: string | null;
    complaintAfterDays: number | null;
  };
  contacts: EvidenceContact[];
  deadlines: EvidenceDeadline[];
  questions: EvidenceQuestion[];
  /** How the company treated the user in this case: time to answer, windows, promises. */
  companyFigures: Omit<CompanyFigures, "basis"> & {
    basis: Omit<CompanyFigures["basis"], "since"> & { since: string | null };
  };
  summary: {
    contacts: number;
    firstContactAt: string | null;
    daysSinceFirstContact: number | null;
    promisesMade: number;
    promisesKept: number;
    promisesBroken: number;
    deadlinesMissed: number;
  };
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Everything the dossier shows about one of the user's cases, in a fixed number of queries. */
export async function getEvidencePack(
  db: Database,
  userId: string,
  caseId: string,
  now = new Date(),
): Promise<EvidencePack> {
  const found = await ownCase(db, userId, caseId, {
    columns: {
      id: cases.id,
      title: cases.title,
      description: cases.description,
      status: cases.status,
      openedAt: cases.createdAt,
      closedAt: cases.closedAt,
      companyId: cases.companyId,
    },
  });

  const ofThisCase = and(eq(contacts.caseId, caseId), eq(contacts.ownerId, userId));
  const [company, timeline, files, flags, given, deadlines, questionList, settings] =
    await Promise.all([
      ownCompany(db, userId, found.companyId, {
        columns: {
          name: companies.name,
          website: companies.websiteUrl,
          complaintBody: companies.complaintBody,
          complaintAfterDays: companies.complaintAfterDays,
        },
      }),
      db
        .select({
          id: contacts.id,
          startedAt: contacts.startedAt,
          endedAt: contacts.endedAt,
          direction: contacts.direction,
          channelKind: contacts.channelKind,
          channelValue: channels.value,
          representativeName: contacts.representativeName,
          representativeId: contacts.representativeId,
          representativeDeclinedName: contacts.representativeDeclinedName,
          referenceNumber: contacts.referenceNumber,
          outcome: contacts.outcome,
          promisedFollowUp: contacts.promisedFollowUp,
          followUpDueAt: contacts.followUpDueAt,
          notes: contacts.notes,
          transcript: contacts.transcript,
          recorded: contacts.recorded,
        })
        .from(contacts)
        .leftJoin(
          channels,
          and(eq(channels.id, contacts.channelId), eq(channels.ownerId, contacts.ownerId)),
        )
        .where(ofThisCase)
        .orderBy(asc(contacts.startedAt), asc(contacts.createdAt)),
      db
        .select({
          contactId: attachments.contactId,
          fileName: attachments.fileName,
          kind: attachments.kind,
        })
        .from(attachments)
        .innerJoin(contacts, eq(contacts.id, attachments.contactId))
        .where(and(ofThisCase, eq(attachments.ownerId, userId)))
        .orderBy(asc(attachments.createdAt)),
      db
        .select({ contactId: redFlags.contactId, kind: redFlags.kind })
        .from(redFlags)
        .innerJoin(contacts, eq(contacts.id, redFlags.contactId))
        .where(and(ofThisCase, eq(redFlags.ownerId, userId)))
        .orderBy(asc(redFlags.createdAt), asc(redFlags.kind)),
      db
        .select({
          contactId: disclosures.contactId,
          kind: disclosures.kind,
          asked: disclosures.asked,
        })
        .from(disclosures)
        .innerJoin(contacts, eq(contacts.id, disclosures.contactId))
        .where(and(ofThisCase, eq(disclosures.ownerId, userId)))
        .orderBy(asc(disclosures.createdAt), asc(disclosures.kind)),
      db
        .select({
          contactId: timers.contactId,
          kind: timers.kind,
          status: timers.status,
          dueAt: timers.dueAt,
        })
        .from(timers)
        .where(and(eq(timers.caseId, caseId), eq(timers.ownerId, userId)))
        .orderBy(asc(timers.dueAt), asc(timers.createdAt)),
      listQuestions(db, userId, caseId),
      getSettings(db, userId),
    ]);

  const figures = await companyFigures(db, userId, { caseId }, settings, now);
  const numberOf = new Map(timeline.map((contact, index) => [contact.id, index + 1]));
  const evidenceDeadlines = deadlines.map((timer) => ({
    kind: timer.kind,
    dueAt: timer.dueAt.toISOString(),
    status: deadlineStatus(timer, now),
    contactNumber: timer.contactId ? (numberOf.get(timer.contactId) ?? null) : null,
  }));
  // A contact starts at most one promise deadline; it tells whether the promise was kept.
  const promiseStatus = new Map<number, DeadlineStatus>();
  for (const deadline of evidenceDeadlines) {
    if (deadline.kind === "promised_follow_up" && deadline.contactNumber !== null) {
      promiseStatus.set(deadline.contactNumber, deadline.status);
    }
  }

  const evidenceContacts = timeline.map((contact, index): EvidenceContact => {
    const number = index + 1;
    const promised = contact.promisedFollowUp !== null || contact.followUpDueAt !== null;
    return {
      number,
      startedAt: contact.startedAt.toISOString(),
      endedAt: iso(contact.endedAt),
      durationMinutes: contact.endedAt
        ? Math.round((contact.endedAt.getTime() - contact.startedAt.getTime()) / 60_000)
        : null,
      direction: contact.direction,
      // As the user writes it (a phone number in their country's format), as on the case page.
      channel: {
        kind: contact.channelKind,
        value:
          contact.channelValue &&
          channelText({ kind: contact.channelKind, value: contact.channelValue }, settings.country),
      },
      representative: {
        name: contact.representativeName,
        id: contact.representativeId,
        declinedName: contact.representativeDeclinedName,
      },
      referenceNumber: contact.referenceNumber,
      outcome: contact.outcome,
      promise: promised
        ? {
            text: contact.promisedFollowUp,
            dueAt: iso(contact.followUpDueAt),
            status: promiseStatus.get(number) ?? null,
          }
        : null,
      notes: contact.notes,
      transcript: contact.transcript ? transcriptExcerpt(contact.transcript) : null,
      recorded: contact.recorded,
      attachments: files
        .filter((file) => file.contactId === contact.id)
        .map(({ fileName, kind }) => ({ fileName, kind })),
      redFlags: flags.filter((flag) => flag.contactId === contact.id).map((flag) => flag.kind),
      disclosures: given
        .filter((disclosure) => disclosure.contactId === contact.id)
        .map(({ kind, asked }) => ({ kind, asked })),
    };
  });

  const first = timeline[0]?.startedAt ?? null;
  const promises = evidenceContacts.flatMap((contact) =>
    contact.promise ? [contact.promise] : [],
  );
  return {
    generatedAt: now.toISOString(),
    ...clockOf(settings),
    case: {
      id: found.id,
      title: found.title,
      description: found.description,
      status: found.status,
      openedAt: found.openedAt.toISOString(),
      closedAt: iso(found.closedAt),
    },
    company,
    companyFigures: { ...figures, basis: { ...figures.basis, since: iso(figures.basis.since) } },
    contacts: evidenceContacts,
    deadlines: evidenceDeadlines,
    questions: questionList.map((question, index) => ({
      number: index + 1,
      tier: question.tier,
      text: question.text,
      answer: question.answer,
      answeredAt: iso(question.answeredAt),
      answeredInContact: question.answeredInContactId
        ? (numberOf.get(question.answeredInContactId) ?? null)
        : null,
    })),
    summary: {
      contacts: timeline.length,
      firstContactAt: iso(first),
      daysSinceFirstContact: first
        ? Math.max(0, Math.floor((now.getTime() - first.getTime()) / DAY_MS))
        : null,
      promisesMade: promises.length,
      promisesKept: promises.filter((p) => p.status === "met").length,
      promisesBroken: promises.filter((p) => p.status !== null && brokenStatuses.includes(p.status))
        .length,
      deadlinesMissed: evidenceDeadlines.filter((d) => brokenStatuses.includes(d.status)).length,
    },
  };
}
