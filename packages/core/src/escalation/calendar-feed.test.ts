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

const toronto = { timeZone: "America/Toronto", locale: "en-CA" };

describe("calendarFeed", () => {
  it("writes one event per deadline with escaped text and UTC times", () => {
    const feed = calendarFeed(
      [timer],
      "https://app.example",
      toronto,
      new Date("2026-11-28T10:00:00Z"),
    );
    const lines = feed.split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("DTSTART:20261201T210000Z");
    expect(lines).toContain("DTEND:20261201T211500Z");
    expect(lines).toContain("UID:t1@caseward");
    expect(feed).toContain("Refund\\; flight\\, AC 123\\\\now");
    expect(feed.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("speaks the user's language: the calendar's name, each title and each time", () => {
    const unfold = (feed: string) => feed.replace(/\r\n /g, "");
    const montreal = { timeZone: "America/Toronto", locale: "fr-CA" };
    const feed = unfold(calendarFeed([timer], "https://app.example", montreal));
    expect(feed).toContain("X-WR-CALNAME:Échéances Caseward");
    expect(feed).toContain("SUMMARY:Réponse attendue : Air Canada — Refund\\; flight");
    expect(feed).toContain("DESCRIPTION:Réponse attendue : mar. 1 déc. 2026\\, 16 h 00 HNE");
  });

  it("names each deadline and writes its time on the user's clock, with the zone", () => {
    const unfold = (feed: string) => feed.replace(/\r\n /g, "");
    const feed = unfold(calendarFeed([timer], "https://app.example", toronto));
    expect(feed).toContain("X-WR-TIMEZONE:America/Toronto");
    expect(feed).toContain("SUMMARY:Answer due: Air Canada — Refund\\; flight");
    expect(feed).toContain(
      "DESCRIPTION:Answer due: Tue\\, Dec 1\\, 2026\\, 4:00 p.m. EST\\nRefund\\; flight",
    );
    const tokyo = unfold(
      calendarFeed([timer], "https://app.example", { timeZone: "Asia/Tokyo", locale: "en-US" }),
    );
    expect(tokyo).toContain("DESCRIPTION:Answer due: Wed\\, Dec 2\\, 2026\\, 6:00 AM GMT+9");
    // The instant itself does not depend on the zone.
    expect(tokyo).toContain("DTSTART:20261201T210000Z");
  });

  it("folds long lines at 75 octets without cutting a character", () => {
    const feed = calendarFeed(
      [{ ...timer, caseTitle: "é".repeat(100) }],
      "https://app.example",
      toronto,
    );
    for (const line of feed.split("\r\n"))
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(feed.replace(/\r\n /g, "")).toContain("é".repeat(100));
  });

  it("is an empty calendar when nothing is pending", () => {
    expect(calendarFeed([], "https://x", toronto).match(/BEGIN:VEVENT/g)).toBeNull();
  });
});
