import type { PDFFont, PDFPage } from "pdf-lib";
import { PageSizes, PDFDocument, rgb } from "pdf-lib";

import { languageOf } from "../i18n/locale";
import { vocabulary } from "../labels";
import type { EvidencePack } from "./evidence-pack";
import {
  contactFields,
  contactHeading,
  deadlineStatusLabel,
  evidencePdfWords,
  evidenceSections,
  formatEvidenceTime,
  questionAnswerText,
  summaryFields,
  transcriptTitle,
} from "./evidence-text";
import type { EvidenceFonts } from "./pdf-fonts";
import { embedEvidenceFonts, fontRuns, runsWidth } from "./pdf-fonts";
import { fitOnOneLine, printableText, wrapText } from "./pdf-text";

// US Letter, 0.75 in margins; the running header and the page numbers sit in the margins.
const [pageWidth, pageHeight] = PageSizes.Letter;
const margin = 54;
const contentWidth = pageWidth - 2 * margin;
const labelWidth = 128;
const black = rgb(0.1, 0.1, 0.12);
const grey = rgb(0.4, 0.4, 0.45);

type Fonts = EvidenceFonts;
type FontName = "regular" | "bold" | "mono";

/** Draws a line in `font`, what it lacks in the fallback font. */
function drawRuns(
  page: PDFPage,
  fonts: Fonts,
  line: string,
  options: { x: number; y: number; size: number; font: PDFFont; color: ReturnType<typeof rgb> },
) {
  let x = options.x;
  for (const run of fontRuns(line, options.font, fonts.fallback)) {
    page.drawText(run.text, { ...options, x, font: run.font });
    x += run.font.widthOfTextAtSize(run.text, options.size);
  }
}

/** The printed width of a line in `font` (and the fallback), at `size`. */
const widthIn = (fonts: Fonts, font: PDFFont, size: number) => (text: string) =>
  runsWidth(fontRuns(text, font, fonts.fallback), size);

interface TextStyle {
  font?: FontName;
  size?: number;
  indent?: number;
  color?: ReturnType<typeof rgb>;
}

/** Writes top to bottom, starting a new page whenever the next line would not fit. */
function pageWriter(doc: PDFDocument, fonts: Fonts) {
  let page: PDFPage = doc.addPage(PageSizes.Letter);
  let y = pageHeight - margin;
  const lineHeight = (size: number) => size * 1.35;

  function newPage() {
    page = doc.addPage(PageSizes.Letter);
    y = pageHeight - margin;
  }
  /** Starts a new page unless `height` points are left. */
  function keep(height: number) {
    if (y - height < margin) newPage();
  }
  function wrapped(text: string, font: PDFFont, size: number, width: number) {
    return wrapText(printableText(text), width, widthIn(fonts, font, size));
  }
  function drawLine(text: string, x: number, font: PDFFont, size: number, color = black) {
    if (text !== "") drawRuns(page, fonts, text, { x, y: y + size * 0.3, size, font, color });
  }

  return {
    text(text: string, style: TextStyle = {}) {
      const font = fonts[style.font ?? "regular"];
      const size = style.size ?? 10;
      const indent = style.indent ?? 0;
      for (const line of wrapped(text, font, size, contentWidth - indent)) {
        keep(lineHeight(size));
        y -= lineHeight(size);
        drawLine(line, margin + indent, font, size, style.color);
      }
    },
    /** "Label    value", the value wrapped in its own column. */
    field(label: string, value: string) {
      const size = 10;
      const lines = wrapped(value, fonts.regular, size, contentWidth - labelWidth);
      lines.forEach((line, index) => {
        keep(lineHeight(size));
        y -= lineHeight(size);
        if (index === 0) drawLine(printableText(label), margin, fonts.bold, size, grey);
        drawLine(line, margin + labelWidth, fonts.regular, size);
      });
    },
    heading(text: string, size = 13) {
      // A heading is never the last line of a page.
      keep(lineHeight(size) + 60);
      y -= size * 0.8;
      this.text(text, { font: "bold", size });
      y -= 4;
    },
    rule() {
      keep(12);
      y -= 6;
      page.drawLine({
        start: { x: margin, y },
        end: { x: pageWidth - margin, y },
        thickness: 0.5,
        color: rgb(0.8, 0.8, 0.82),
      });
      y -= 6;
    },
    gap(points: number) {
      y -= points;
    },
  };
}

/** The running header (case title) and "Page n of m", once every page is known. */
function stampPages(doc: PDFDocument, fonts: Fonts, pack: EvidencePack) {
  const pages = doc.getPages();
  const size = 8;
  const widthOf = widthIn(fonts, fonts.regular, size);
  const t = evidencePdfWords(pack.locale);
  const header = fitOnOneLine(
    printableText(t("runningHeader", { company: pack.company.name, title: pack.case.title })),
    contentWidth,
    widthOf,
  );
  const generated = printableText(
    t("prepared", { when: formatEvidenceTime(pack.generatedAt, pack) }),
  );
  const font = fonts.regular;
  pages.forEach((page, index) => {
    drawRuns(page, fonts, header, { x: margin, y: pageHeight - 34, size, font, color: grey });
    drawRuns(page, fonts, generated, { x: margin, y: 28, size, font, color: grey });
    const number = t("pageOf", { page: index + 1, pages: pages.length });
    page.drawText(number, {
      x: pageWidth - margin - widthOf(number),
      y: 28,
      size,
      font: fonts.regular,
      color: grey,
    });
  });
}

/** The evidence pack as a PDF: summary, timeline of contacts, deadlines, questions. */
export async function renderEvidencePdf(pack: EvidencePack): Promise<Buffer> {
  const doc = await PDFDocument.create();
  // Everything the pack holds is what may be printed: it says whether the fallback is needed.
  const fonts = await embedEvidenceFonts(doc, JSON.stringify(pack));
  const at = (instant: string) => formatEvidenceTime(instant, pack);
  const write = pageWriter(doc, fonts);
  const t = evidencePdfWords(pack.locale);
  const words = vocabulary(languageOf(pack.locale));
  const sections = evidenceSections(pack.locale);

  write.text(pack.case.title, { font: "bold", size: 18 });
  write.text(t("pdfTitle", { company: pack.company.name }), { size: 11, color: grey });
  write.text(t("allTimesIn", { zone: pack.timeZone }), { size: 9, color: grey });
  write.gap(6);

  write.heading(sections.summary.title);
  for (const field of summaryFields(pack)) write.field(field.label, field.value);
  if (pack.case.description) {
    write.gap(4);
    write.text(pack.case.description);
  }

  write.heading(sections.timeline.title);
  if (pack.contacts.length === 0) write.text(sections.timeline.empty ?? "", { color: grey });
  for (const contact of pack.contacts) {
    write.rule();
    write.heading(contactHeading(contact, pack), 11);
    for (const field of contactFields(contact, pack)) write.field(field.label, field.value);
    if (contact.notes) {
      write.gap(4);
      write.text(t("notes"), { font: "bold", size: 9, color: grey });
      write.text(contact.notes);
    }
    if (contact.transcript) {
      write.gap(4);
      write.text(transcriptTitle(contact.transcript, pack.locale), {
        font: "bold",
        size: 9,
        color: grey,
      });
      write.text(contact.transcript.excerpt, { font: "mono", size: 8 });
    }
  }

  write.heading(sections.deadlines.title);
  if (pack.deadlines.length === 0) write.text(sections.deadlines.empty ?? "", { color: grey });
  for (const deadline of pack.deadlines) {
    const line = t("deadlineLine", {
      kind: words.timerKind[deadline.kind],
      when: at(deadline.dueAt),
    });
    const from = deadline.contactNumber
      ? ` ${t("fromContact", { number: deadline.contactNumber })}`
      : "";
    write.field(deadlineStatusLabel(deadline.status, pack.locale), `${line}${from}`);
  }

  write.heading(sections.questions.title);
  if (pack.questions.length === 0) write.text(sections.questions.empty ?? "", { color: grey });
  for (const question of pack.questions) {
    const tier = words.questionTier[question.tier];
    write.text(t("question", { number: question.number, text: question.text, tier }), {
      font: "bold",
    });
    write.text(questionAnswerText(question, pack), {
      indent: 14,
      color: question.answer ? black : grey,
    });
    write.gap(3);
  }

  stampPages(doc, fonts, pack);
  doc.setTitle(t("documentTitle", { title: pack.case.title }));
  doc.setLanguage(languageOf(pack.locale));
  doc.setProducer("Caseward");
  doc.setCreator("Caseward");
  doc.setCreationDate(new Date(pack.generatedAt));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
