import type { BusinessCalendar } from "./business-time";
import { businessDayLengthMs, businessTimeBetween } from "./business-time";
import type { Countdown } from "./clock";
import { DAY_MS } from "./zoned-time";

/**
 * How long until `dueAt` from `now`: in business time of the user's calendar (their hours,
 * workdays and holidays), or in plain time for a `calendar` deadline such as the regulator
 * clock, whose days are calendar days. `formatCountdown` writes it for a person.
 */
export function countdownTo(
  dueAt: Date,
  calendar: BusinessCalendar,
  now = new Date(),
  measure: Countdown["measure"] = "business",
): Countdown {
  const passed = dueAt.getTime() <= now.getTime();
  if (measure === "calendar") {
    return {
      dueAt,
      measure,
      msLeft: Math.max(0, dueAt.getTime() - now.getTime()),
      dayMs: DAY_MS,
      passed,
    };
  }
  return {
    dueAt,
    measure,
    msLeft: passed ? 0 : businessTimeBetween(now, dueAt, calendar),
    dayMs: businessDayLengthMs(calendar),
    passed,
  };
}
