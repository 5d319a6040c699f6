import type { RedFlagKind } from "@caseward/db/vocabulary";

import type { Locale } from "../i18n/locale";
import { languageOf, locales } from "../i18n/locale";
import { translator } from "../i18n/translate";
import { vocabulary } from "../labels";
import { redFlagDetailsIn } from "../privacy/red-flags";
import type { UserClock } from "../calendar/clock";
import { formatDate, formatDateTime } from "../calendar/clock";
import type {
  DeadlineStatus,
  EvidenceContact,
  EvidencePack,
  EvidenceQuestion,
} from "./evidence-pack";

// The dossier's words, shared by the print page and the PDF so both say the same thing, in the
// language of the pack's date style (the user's Language setting, see `clockOf`).

/** The pack's clock (its `timeZone` and `locale`): a record always names its zone and year. */
export type EvidenceClock = Pick<UserClock, "timeZone" | "locale">;

const evidenceWords = (locale: string) => translator(languageOf(locale), "Evidence");
const vocabularyOf = (locale: string) => vocabulary(languageOf(locale));

/** Each red flag's title in each language: read once, not again for each contact of a pack. */
const redFlagTitles = Object.fromEntries(
  locales.map((locale) => {
    const details = redFlagDetailsIn(locale);
    const titles = Object.fromEntries(
      Object.entries(details).map(([kind, { title }]) => [kind, title]),
    );
    return [locale, titles];
  }),
) as Record<Locale, Record<RedFlagKind, string>>;

export type EvidenceSectionName = "summary" | "timeline" | "deadlines" | "questions";

/** Each section's title, and what it says when it has nothing. */
export function evidenceSections(
  locale: string,
): Record<EvidenceSectionName, { title: string; empty: string | null }> {
  const t = evidenceWords(locale);
  return {
    summary: { title: t("sections.summary"), empty: null },
    timeline: { title: t("sections.timeline"), empty: t("sections.timelineEmpty") },
    deadlines: { title: t("sections.deadlines"), empty: t("sections.deadlinesEmpty") },
    questions: { title: t("sections.questions"), empty: t("sections.questionsEmpty") },
  };
}

/** One line of the dossier: a label and its value, left out when there is nothing to say. */
export interface EvidenceField {
  label: string;
  value: string;
  /** Codes and numbers the reader may have to type: shown in a fixed-width font on screen. */
  code?: boolean;
}

const fields = (list: (EvidenceField | { value: string | null | undefined })[]) =>
  list.filter((field): field is EvidenceField => Boolean(field.value));

/** "Met", "Missed", "Upcoming"…: where a deadline stands. */
export function deadlineStatusLabel(status: DeadlineStatus, locale = "en"): string {
  return evidenceWords(locale)(`deadlineStatus.${status}`);
}

function promiseText(promise: NonNullable<EvidenceContact["promise"]>, clock: EvidenceClock) {
  const t = evidenceWords(clock.locale);
  const text = promise.text ?? t("aFollowUp");
  const status = promise.status ? t(`promiseStatus.${promise.status}`) : t("noDateGiven");
  return promise.dueAt
    ? t("promise", { text, due: formatEvidenceTime(promise.dueAt, clock), status })
    : t("promiseUndated", { text, status });
}

export function representativeText(
  representative: EvidenceContact["representative"],
  locale = "en",
): string {
  const t = evidenceWords(locale);
  const name = representative.declinedName
    ? t("declinedName")
    : (representative.name ?? t("nameNotNoted"));
  return representative.id ? t("representativeWithId", { name, id: representative.id }) : name;
}

function channelText(channel: EvidenceContact["channel"], locale: string): string {
  const kind = vocabularyOf(locale).channelKind[channel.kind];
  return channel.value ? evidenceWords(locale)("channel", { kind, value: channel.value }) : kind;
}

function durationText(minutes: number | null, locale: string): string | null {
  if (minutes === null) return null;
  const t = evidenceWords(locale);
  if (minutes < 1) return t("underAMinute");
  if (minutes < 60) return t("minutes", { minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? t("hours", { hours }) : t("hoursMinutes", { hours, minutes: rest });
}

function disclosureText(disclosure: EvidenceContact["disclosures"][number], locale: string) {
  const label = vocabularyOf(locale).disclosureKind[disclosure.kind];
  const t = evidenceWords(locale);
  return disclosure.asked ? t("disclosureAsked", { label }) : t("disclosureVolunteered", { label });
}

export function summaryFields(pack: EvidencePack): EvidenceField[] {
  const { company, summary } = pack;
  const t = evidenceWords(pack.locale);
  const at = (instant: string | null) => instant && formatEvidenceTime(instant, pack);
  return fields([
    { label: t("field.company"), value: company.name },
    { label: t("field.website"), value: company.website },
    {
      label: t("field.complaintBody"),
      value:
        company.complaintBody &&
        (company.complaintAfterDays === null
          ? company.complaintBody
          : t("complaintAfter", { body: company.complaintBody, days: company.complaintAfterDays })),
    },
    { label: t("field.caseStatus"), value: vocabularyOf(pack.locale).caseStatus[pack.case.status] },
    { label: t("field.opened"), value: at(pack.case.openedAt) },
    { label: t("field.closed"), value: at(pack.case.closedAt) },
    { label: t("field.contacts"), value: String(summary.contacts) },
    { label: t("field.firstContact"), value: at(summary.firstContactAt) },
    {
      label: t("field.daysSince"),
      value: summary.daysSinceFirstContact === null ? null : String(summary.daysSinceFirstContact),
    },
    {
      label: t("field.promises"),
      value: t("promisesSummary", {
        made: summary.promisesMade,
        kept: summary.promisesKept,
        broken: summary.promisesBroken,
      }),
    },
    { label: t("field.deadlinesMissed"), value: String(summary.deadlinesMissed) },
    ...companyFigureFields(pack.companyFigures, pack.locale),
  ]);
}

/** How the company treated the user in this case (the report card's figures, for this case). */
function companyFigureFields(figures: EvidencePack["companyFigures"], locale: string) {
  const { timeToAnswer, windowsMissed, promises } = figures;
  const t = evidenceWords(locale);
  const median = timeToAnswer.medianBusinessDays;
  return [
    {
      label: t("field.timeToAnswer"),
      value:
        median === null
          ? t("noAnswerYet")
          : t("medianAnswer", {
              days: median,
              shown: new Intl.NumberFormat(locale).format(median),
              answers: timeToAnswer.answers,
            }),
    },
    {
      label: t("field.windowsMissed"),
      value:
        windowsMissed.decided === 0
          ? null
          : t("windowsMissedOf", { missed: windowsMissed.missed, decided: windowsMissed.decided }),
    },
    {
      label: t("field.keptLate"),
      value: promises.keptLate === 0 ? null : t("keptLateValue", { count: promises.keptLate }),
    },
    { label: t("field.escalations"), value: String(figures.escalations) },
    {
      label: t("field.talkTime"),
      value: figures.talkMinutes === 0 ? null : t("minutes", { minutes: figures.talkMinutes }),
    },
  ];
}

/** "#1 · Mon, Nov 2, 2026, 10:00 AM EST · I contacted them" */
export function contactHeading(contact: EvidenceContact, clock: EvidenceClock): string {
  const t = evidenceWords(clock.locale);
  return t("contactHeading", {
    number: contact.number,
    when: formatEvidenceTime(contact.startedAt, clock),
    direction: contact.direction === "outbound" ? t("outbound") : t("inbound"),
  });
}

export function contactFields(contact: EvidenceContact, clock: EvidenceClock): EvidenceField[] {
  const { locale } = clock;
  const t = evidenceWords(locale);
  const list = (items: string[]) => items.join(t("listSeparator"));
  return fields([
    { label: t("field.channel"), value: channelText(contact.channel, locale) },
    { label: t("field.duration"), value: durationText(contact.durationMinutes, locale) },
    { label: t("field.representative"), value: representativeText(contact.representative, locale) },
    { label: t("field.reference"), value: contact.referenceNumber, code: true },
    {
      label: t("field.outcome"),
      value: contact.outcome && vocabularyOf(locale).contactOutcome[contact.outcome],
    },
    { label: t("field.promised"), value: contact.promise && promiseText(contact.promise, clock) },
    { label: t("field.recorded"), value: contact.recorded ? t("yes") : null },
    {
      label: t("field.redFlags"),
      value: list(contact.redFlags.map((kind) => redFlagTitles[languageOf(locale)][kind])),
    },
    {
      label: t("field.disclosures"),
      value: list(contact.disclosures.map((item) => disclosureText(item, locale))),
    },
    {
      label: t("field.files"),
      value: list(
        contact.attachments.map((file) =>
          t("file", { name: file.fileName, kind: t(`attachmentKind.${file.kind}`) }),
        ),
      ),
    },
  ]);
}

export function transcriptTitle(
  transcript: NonNullable<EvidenceContact["transcript"]>,
  locale = "en",
): string {
  const t = evidenceWords(locale);
  return transcript.truncated
    ? t("transcriptExcerpt", { shown: transcript.excerpt.length, total: transcript.characters })
    : t("transcript");
}

/** "Answer: … (in contact #2)", or that it is still open. */
export function questionAnswerText(question: EvidenceQuestion, clock: EvidenceClock): string {
  const t = evidenceWords(clock.locale);
  const answer = question.answer;
  if (!answer) return t("notAnswered");
  if (question.answeredInContact !== null) {
    return t("answerInContact", { answer, number: question.answeredInContact });
  }
  return question.answeredAt
    ? t("answerNoted", { answer, date: formatEvidenceDate(question.answeredAt, clock) })
    : t("answer", { answer });
}

/** The words of the PDF's frame (title, page numbers, running header) in the pack's language. */
export const evidencePdfWords = evidenceWords;

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
