import { DAY_MS, instantToWall, MINUTE_MS, wallDay, wallToInstant } from "../calendar/zoned-time";

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
};

/**
 * When an email may go out: `at` itself, or the end of the user's quiet hours when `at` falls
 * inside them (PRODUCT.md: quiet hours defer, never drop). Hours may wrap midnight (21:00–08:00).
 */
export function nextSendTime(
  at: Date,
  quiet: { start: string; end: string },
  timeZone: string,
): Date {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return at;
  const wall = instantToWall(at.getTime(), timeZone);
  const minute = Math.floor((wall - wallDay(wall) * DAY_MS) / MINUTE_MS);
  const quietNow = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!quietNow) return at;
  let endWall = wallDay(wall) * DAY_MS + end * MINUTE_MS;
  if (endWall <= wall) endWall += DAY_MS;
  return new Date(wallToInstant(endWall, timeZone));
}
