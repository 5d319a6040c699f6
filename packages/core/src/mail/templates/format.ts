// Email clients show dates as plain text, so they are written out in the user's zone here.

// ICU puts narrow no-break spaces before "PM"; plain spaces read the same and survive every client.
const unusualSpaces = /[\u00a0\u202f]/g;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      month: "short",
      day: "numeric",
      year: "numeric",
      ...(withTime ? { hour: "numeric", minute: "2-digit", timeZoneName: "short" } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** "Tue, Dec 1, 2026" as the calendar reads in `timeZone`. */
export function readableDate(date: Date, timeZone: string): string {
  return dateFormat(timeZone, false).format(date).replace(unusualSpaces, " ");
}

/** "Tue, Dec 1, 2026, 4:00 PM EST" as the clock reads in `timeZone`. */
export function readableDateTime(date: Date, timeZone: string): string {
  return dateFormat(timeZone, true).format(date).replace(unusualSpaces, " ");
}

const upToOneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** 2 → "2 business days", 1.25 → "1.3 business days", 1 → "1 business day". */
export function businessDaysLabel(days: number): string {
  const shown = upToOneDecimal.format(days);
  return `${shown} business ${shown === "1" ? "day" : "days"}`;
}
