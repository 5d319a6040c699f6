import type {
  DeadlineStatus,
  EvidenceClock,
  EvidenceContact,
  EvidenceField,
  EvidencePack,
  EvidenceSectionName,
} from "@caseward/core";
import {
  contactFields,
  contactHeading,
  deadlineStatusLabel,
  evidenceSections,
  formatEvidenceTime,
  questionAnswerText,
  summaryFields,
  transcriptTitle,
} from "@caseward/core";
import { languageOf } from "@caseward/core/i18n";
import { Badge, Button, cn } from "@caseward/ui";
import { ArrowLeft, Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";

import { PrintButton } from "./print-button";

const deadlineVariant = {
  met: "success",
  missed: "danger",
  overdue: "danger",
  upcoming: "info",
  cancelled: "neutral",
  reached: "warning",
} as const satisfies Record<DeadlineStatus, string>;

function Fields({ fields, className }: { fields: EvidenceField[]; className?: string }) {
  return (
    <dl
      className={cn(
        "grid grid-cols-[11rem_1fr] gap-x-3 gap-y-1 text-sm max-sm:grid-cols-1 print:grid-cols-[11rem_1fr]",
        className,
      )}
    >
      {fields.map((field) => (
        <div key={field.label} className="contents">
          <dt className="text-muted-foreground">{field.label}</dt>
          <dd className={cn("min-w-0 break-words", field.code && "font-mono")}>{field.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({
  name,
  locale,
  isEmpty = false,
  className,
  children,
}: {
  name: EvidenceSectionName;
  /** The pack's date style: the dossier speaks its language. */
  locale: string;
  isEmpty?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { title, empty } = evidenceSections(locale)[name];
  return (
    <section aria-labelledby={`evidence-${name}`} className={cn("space-y-3", className)}>
      <h2 id={`evidence-${name}`} className="text-lg font-semibold">
        {title}
      </h2>
      {isEmpty && empty ? <p className="text-sm text-muted-foreground">{empty}</p> : children}
    </section>
  );
}

function ContactEntry({
  contact,
  clock,
  notesTitle,
}: {
  contact: EvidenceContact;
  clock: EvidenceClock;
  notesTitle: string;
}) {
  return (
    <li className="break-inside-avoid rounded-lg border border-border bg-card p-4 print:rounded-none print:border-x-0 print:border-b-0 print:px-0">
      <h3 className="font-medium">{contactHeading(contact, clock)}</h3>
      <Fields fields={contactFields(contact, clock)} className="mt-2" />
      {contact.notes && (
        <div className="mt-3 text-sm">
          <p className="font-medium text-muted-foreground">{notesTitle}</p>
          <p className="whitespace-pre-wrap">{contact.notes}</p>
        </div>
      )}
      {contact.transcript && (
        <div className="mt-3 text-sm">
          <p className="font-medium text-muted-foreground">
            {transcriptTitle(contact.transcript, clock.locale)}
          </p>
          <pre className="mt-1 max-h-96 overflow-auto rounded-md bg-muted p-3 font-mono text-xs whitespace-pre-wrap print:max-h-none print:overflow-visible print:bg-transparent print:p-0">
            {contact.transcript.excerpt}
          </pre>
        </div>
      )}
    </li>
  );
}

/** The printable dossier of a case: what an ombudsman or a regulator asks for. */
export async function EvidenceDossier({ pack }: { pack: EvidencePack }) {
  // The page speaks the pack's language, as its section titles and the PDF do.
  const locale = languageOf(pack.locale);
  const [t, words] = await Promise.all([
    getTranslations({ locale, namespace: "EvidencePage" }),
    getTranslations({ locale, namespace: "Vocabulary" }),
  ]);
  const at = (instant: string) => formatEvidenceTime(instant, pack);
  return (
    <article
      id="evidence-pack"
      aria-labelledby="evidence-title"
      // On paper: only the dossier, black on white (globals.css).
      data-print-document
      className="mx-auto max-w-3xl space-y-8 print:max-w-none print:space-y-6"
    >
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Button asChild variant="ghost">
          <Link href={`/cases/${pack.case.id}`}>
            <ArrowLeft aria-hidden className="size-4" /> {t("back")}
          </Link>
        </Button>
        <div className="flex flex-wrap gap-2">
          <PrintButton label={t("print")} />
          <Button asChild variant="secondary">
            <a href={`/api/cases/${pack.case.id}/timeline.csv`} download>
              <Download aria-hidden className="size-4" /> {t("timelineCsv")}
            </a>
          </Button>
          <Button asChild>
            <a href={`/api/cases/${pack.case.id}/evidence.pdf`} download>
              <Download aria-hidden className="size-4" /> {t("downloadPdf")}
            </a>
          </Button>
        </div>
      </div>

      <header>
        <p className="text-sm text-muted-foreground">
          {t("eyebrow", { company: pack.company.name })}
        </p>
        <h1 id="evidence-title" className="text-2xl font-semibold tracking-tight text-balance">
          {pack.case.title}
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {t("prepared", { at: at(pack.generatedAt), zone: pack.timeZone })}
        </p>
      </header>

      <Section name="summary" locale={pack.locale} className="break-inside-avoid">
        <Fields fields={summaryFields(pack)} />
        {pack.case.description && (
          <p className="max-w-prose text-sm whitespace-pre-wrap">{pack.case.description}</p>
        )}
      </Section>

      <Section name="timeline" locale={pack.locale} isEmpty={pack.contacts.length === 0}>
        <ol aria-label={t("contacts")} className="space-y-3 print:space-y-0">
          {pack.contacts.map((contact) => (
            <ContactEntry
              key={contact.number}
              contact={contact}
              clock={pack}
              notesTitle={t("notes")}
            />
          ))}
        </ol>
      </Section>

      <Section
        name="deadlines"
        locale={pack.locale}
        isEmpty={pack.deadlines.length === 0}
        className="break-inside-avoid"
      >
        <table className="w-full text-left text-sm">
          <thead className="text-muted-foreground">
            <tr className="border-b border-border">
              <th scope="col" className="py-1.5 pr-3 font-medium">
                {t("deadline")}
              </th>
              <th scope="col" className="py-1.5 pr-3 font-medium">
                {t("date")}
              </th>
              <th scope="col" className="py-1.5 pr-3 font-medium">
                {t("status")}
              </th>
              <th scope="col" className="py-1.5 font-medium">
                {t("contact")}
              </th>
            </tr>
          </thead>
          <tbody>
            {pack.deadlines.map((deadline, index) => (
              <tr key={index} className="border-b border-border align-top">
                <td className="py-1.5 pr-3">{words(`timerKind.${deadline.kind}`)}</td>
                <td className="py-1.5 pr-3">
                  <time dateTime={deadline.dueAt}>{at(deadline.dueAt)}</time>
                </td>
                <td className="py-1.5 pr-3">
                  <Badge variant={deadlineVariant[deadline.status]}>
                    {deadlineStatusLabel(deadline.status, pack.locale)}
                  </Badge>
                </td>
                <td className="py-1.5">
                  {deadline.contactNumber === null
                    ? t("noContact")
                    : t("contactNumber", { number: deadline.contactNumber })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section name="questions" locale={pack.locale} isEmpty={pack.questions.length === 0}>
        <ol className="space-y-2 text-sm">
          {pack.questions.map((question) => (
            <li key={question.number} className="break-inside-avoid">
              <p className="font-medium">
                {question.number}. {question.text}{" "}
                <span className="font-normal text-muted-foreground">
                  {t("tier", { tier: words(`questionTier.${question.tier}`) })}
                </span>
              </p>
              <p className={cn("pl-4", !question.answer && "text-muted-foreground")}>
                {questionAnswerText(question, pack)}
              </p>
            </li>
          ))}
        </ol>
      </Section>
    </article>
  );
}
