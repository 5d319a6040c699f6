import { useFormatter } from "next-intl";

import { useTranslations } from "~/i18n/translations";

// How the insights figures read, shared by the report card and the insights page, in the
// page's language (numbers and month names by its locale).

/** "2026-03" of the user's calendar as a date (mid-month, so no zone moves it to another month). */
const monthDate = (month: string) => new Date(`${month}-15T12:00:00Z`);

export function useFigureText() {
  const t = useTranslations("Insights.text");
  const format = useFormatter();

  /** "3 h 20 min", "45 min". */
  function minutesText(minutes: number) {
    if (minutes < 60) return t("minutes", { minutes });
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? t("hours", { hours }) : t("hoursMinutes", { hours, minutes: rest });
  }

  /** "Mar 2026" (short) or "March 2026" (long) for a "2026-03" month of the user's calendar. */
  function monthText(month: string, style: "short" | "long" = "short") {
    return format.dateTime(monthDate(month), { month: style, year: "numeric", timeZone: "UTC" });
  }

  return {
    /** "1.5 business days", "—" when nothing was measured. */
    businessDaysText: (days: number | null) =>
      days === null ? t("none") : t("businessDays", { days }),
    minutesText,
    /** "33 %", "—". */
    shareText: (share: number | null) =>
      share === null ? t("none") : t("share", { percent: Math.round(share * 100) }),
    monthText,
    /** The month alone, for a chart's axis: "Mar", "mars". */
    monthAxisText: (month: string) =>
      format.dateTime(monthDate(month), { month: "short", timeZone: "UTC" }),
    /** "3 cases since March 2026", "No cases yet". */
    basisText: (cases: number, sinceMonth: string | null) =>
      cases === 0 || !sinceMonth
        ? t("noCases")
        : t("basis", { cases, month: monthText(sinceMonth, "long") }),
    /** "Median of 4 answers over 2 cases"; null when nothing was answered. */
    answersText: (figure: { answers: number; cases: number }) =>
      figure.answers === 0 ? null : t("answers", { answers: figure.answers, cases: figure.cases }),
    /** "1 broken (1 kept late), 2 not due yet". */
    promisesText: (promises: { broken: number; keptLate: number; pending: number }) =>
      t("promises", promises),
    /** A number as the locale writes it: "1.5", "1,5". */
    numberText: (value: number) => format.number(value),
  };
}
