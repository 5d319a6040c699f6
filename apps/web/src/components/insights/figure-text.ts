import { countOf } from "@caseward/core/schemas";

// How the insights figures read, shared by the report card and the insights page.

/** "1.5 business days", "—" when nothing was measured. */
export function businessDaysText(days: number | null) {
  if (days === null) return "—";
  return `${days.toLocaleString("en")} business ${days === 1 ? "day" : "days"}`;
}

/** "3 h 20 min", "45 min". */
export function minutesText(minutes: number) {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "33 %", "—". */
export function shareText(share: number | null) {
  return share === null ? "—" : `${Math.round(share * 100)} %`;
}

/** "Mar 2026" for a "2026-03" month of the user's calendar. */
export function monthText(month: string, style: "short" | "long" = "short") {
  return new Intl.DateTimeFormat("en", { month: style, year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}

/** "3 cases since Mar 2026", "No cases yet". */
export function basisText(cases: number, sinceMonth: string | null) {
  if (cases === 0 || !sinceMonth) return "No cases yet";
  return `${countOf(cases, "case")} since ${monthText(sinceMonth, "long")}`;
}

/** "Median of 4 answers over 2 cases"; null when nothing was answered. */
export function answersText(figure: { answers: number; cases: number }) {
  if (figure.answers === 0) return null;
  return `Median of ${countOf(figure.answers, "answer")} over ${countOf(figure.cases, "case")}`;
}

/** "1 broken (1 kept late), 2 not due yet". */
export function promisesText(promises: { broken: number; keptLate: number; pending: number }) {
  const late = promises.keptLate > 0 ? ` (${promises.keptLate} kept late)` : "";
  return `${promises.broken} broken${late}, ${promises.pending} not due yet`;
}
