import type { TimerKind } from "@caseward/db/vocabulary";

import type { UserClock } from "../calendar/clock";
import { formatDateTime } from "../calendar/clock";
import { languageOf } from "../i18n/locale";
import { translator } from "../i18n/translate";
import { vocabulary } from "../labels";

interface FeedTimer {
  id: string;
  kind: TimerKind;
  dueAt: Date;
  caseId: string;
  caseTitle: string;
  companyName: string;
}

// RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values.
const escapeText = (value: string) =>
  value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

// RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + a space.
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), bytes.length);
    // Never cut a UTF-8 character in half.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString("utf8"));
    start = end;
  }
  return parts.join("\r\n ");
}

/**
 * Every pending deadline as a 15-minute event, for the user's calendar app. The start is the
 * exact instant (UTC), which every calendar app shows on the clock of the device it runs on;
 * the description writes it on the user's clock, with the zone, as the rest of the product.
 */
export function calendarFeed(
  timers: FeedTimer[],
  baseUrl: string,
  clock: Pick<UserClock, "timeZone" | "locale">,
  now = new Date(),
): string {
  // In the user's language: the calendar's name, each event's title and description.
  const language = languageOf(clock.locale);
  const t = translator(language, "Calendar");
  const deadlines = vocabulary(language).deadline;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Caseward//Deadlines//EN",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(t("name"))}`,
    // The de-facto header (Google, Apple) for the zone a subscribed calendar is kept in.
    `X-WR-TIMEZONE:${clock.timeZone}`,
  ];
  const documentClock = { timeZone: clock.timeZone, locale: clock.locale };
  for (const timer of timers) {
    const end = new Date(timer.dueAt.getTime() + 15 * 60_000);
    const label = deadlines[timer.kind];
    const when = formatDateTime(timer.dueAt, documentClock);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${timer.id}@caseward`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART:${stamp(timer.dueAt)}`,
      `DTEND:${stamp(end)}`,
      `SUMMARY:${escapeText(t("summary", { label, company: timer.companyName, title: timer.caseTitle }))}`,
      `URL:${baseUrl}/cases/${timer.caseId}`,
      `DESCRIPTION:${escapeText(`${t("due", { label, when })}\n${timer.caseTitle}\n${baseUrl}/cases/${timer.caseId}`)}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
