/**
 * Business calendar: business-time deadlines in the user's zone, hours and public holidays.
 * Weekdays use ISO numbering throughout: 1 = Monday … 7 = Sunday.
 */
export type { BusinessCalendar } from "./business-time";
export {
  businessDayLengthMs,
  businessTimeBetween,
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_WORKDAYS,
  dueAfterBusinessDays,
  isBusinessDay,
  MAX_SCAN_DAYS,
} from "./business-time";
export { assertTimeZone, formatInZone, zonedDate } from "./zoned-time";
export * from "./clock";
export { countdownTo } from "./countdown";
export * from "./region-guess";
export { regionCatalogue, regionProblem } from "./regions";
