import { describe, expect, it } from "vitest";

import { calendarFeed } from "./calendar-feed";

const timer = {
  id: "t1",
  kind: "response_window" as const,
  dueAt: new Date("2026-12-01T21:00:00Z"),
  caseId: "c1",
  caseTitle: "Refund; flight, AC 123\\now",
  companyName: "Air Canada",
};

describe("calendarFeed", () => {
  it("writes one event per deadline with escaped text and UTC times", () => {
    const feed = calendarFeed([timer], "https://app.example", new Date("2026-11-28T10:00:00Z"));
    const lines = feed.split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("DTSTART:20261201T210000Z");
    expect(lines).toContain("DTEND:20261201T211500Z");
    expect(lines).toContain("UID:t1@caseward");
    expect(feed).toContain("Refund\\; flight\\, AC 123\\\\now");
    expect(feed.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("folds long lines at 75 octets without cutting a character", () => {
    const feed = calendarFeed([{ ...timer, caseTitle: "é".repeat(100) }], "https://app.example");
    for (const line of feed.split("\r\n"))
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(feed.replace(/\r\n /g, "")).toContain("é".repeat(100));
  });

  it("is an empty calendar when nothing is pending", () => {
    expect(calendarFeed([], "https://x").match(/BEGIN:VEVENT/g)).toBeNull();
  });
});
