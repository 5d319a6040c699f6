import { describe, expect, it } from "vitest";

import { formatInZone, zonedDate } from "../calendar";
import { nextSendTime } from "./quiet-hours";

const zone = "America/Toronto";
const night = { start: "21:00", end: "08:00" };

describe("nextSendTime", () => {
  it.each([
    ["2026-11-27 20:59", night, "2026-11-27 20:59"],
    ["2026-11-27 21:00", night, "2026-11-28 08:00"],
    ["2026-11-27 23:30", night, "2026-11-28 08:00"],
    ["2026-11-28 03:00", night, "2026-11-28 08:00"],
    ["2026-11-28 08:00", night, "2026-11-28 08:00"],
    ["2026-11-28 12:00", night, "2026-11-28 12:00"],
    ["2026-11-28 13:30", { start: "13:00", end: "14:00" }, "2026-11-28 14:00"],
    ["2026-11-28 14:00", { start: "13:00", end: "14:00" }, "2026-11-28 14:00"],
    ["2026-11-28 03:00", { start: "00:00", end: "00:00" }, "2026-11-28 03:00"],
    // The night DST ends in Toronto (clocks go back at 02:00): still 08:00 on the wall.
    ["2026-11-01 01:30", night, "2026-11-01 08:00"],
    // The night DST starts (02:00 → 03:00).
    ["2026-03-08 01:30", night, "2026-03-08 08:00"],
  ])("%s with quiet hours %j → %s", (at, quiet, expected) => {
    expect(formatInZone(nextSendTime(zonedDate(at, zone), quiet, zone), zone)).toBe(expected);
  });

  it("uses the user's own zone", () => {
    const at = new Date("2026-11-28T03:00:00Z"); // 14:00 in Sydney, 22:00 in Toronto
    expect(nextSendTime(at, night, "Australia/Sydney")).toEqual(at);
    expect(formatInZone(nextSendTime(at, night, zone), zone)).toBe("2026-11-28 08:00");
  });
});
