import { eq } from "@caseward/db";
import { notifications } from "@caseward/db/schema";
import { describe, expect, it } from "vitest";

import { zonedDate } from "../calendar";
import { openCase } from "../cases/case-service";
import { createCompany } from "../companies/company-service";
import { logContact } from "../contacts/contact-service";
import { updateSettings } from "../settings/settings-service";
import { createTestUser, useTestDatabase } from "../testing";
import { composeDailyDigest, queueDailyDigests } from "./daily-digest";

const db = useTestDatabase();

describe("daily digest", () => {
  it("is owed once per local day after 08:00, and lists the open cases with their next deadline", async () => {
    const user = await createTestUser(db);
    await updateSettings(db, user.id, {
      timeZone: "Asia/Tokyo",
      country: "JP",
      emailDailyDigest: true,
    });
    const company = await createCompany(db, user.id, { name: "Docomo", website: "docomo.ne.jp" });
    const opened = await openCase(db, user.id, { companyId: company.id, title: "Roaming charges" });
    await logContact(db, user.id, {
      caseId: opened.id,
      channelKind: "email",
      startedAt: new Date(),
    });

    const mine = async () =>
      (await db.select().from(notifications).where(eq(notifications.ownerId, user.id))).length;
    await queueDailyDigests(db, zonedDate("2026-11-30 07:59", "Asia/Tokyo"));
    expect(await mine()).toBe(0);
    await queueDailyDigests(db, zonedDate("2026-11-30 08:00", "Asia/Tokyo"));
    await queueDailyDigests(db, zonedDate("2026-11-30 21:00", "Asia/Tokyo"));
    expect(await mine()).toBe(1);
    await queueDailyDigests(db, zonedDate("2026-12-01 08:30", "Asia/Tokyo"));
    expect(await mine()).toBe(2);

    const email = await composeDailyDigest(db, user.id, "http://localhost:3000");
    expect(email?.text).toContain("Roaming charges");
    expect(email?.text).toContain("Docomo");
    expect(email?.text).toContain(`/cases/${opened.id}`);
    // The email just sent waits two business days, counted as on the case page, on Tokyo's clock in Japan's
    // style (24-hour).
    expect(email?.text).toMatch(
      /Answer due: 2 business days left — \w{3}, \w{3} \d+, \d{4}, \d+:\d{2} GMT\+9/,
    );
  });

  it("has nothing to say to a user without open cases", async () => {
    const user = await createTestUser(db);
    await updateSettings(db, user.id, {
      timeZone: "Europe/London",
      country: "GB",
      emailDailyDigest: true,
    });
    expect(await composeDailyDigest(db, user.id, "http://localhost:3000")).toBeNull();
  });

  it("waits for the end of quiet hours that end after the digest hour, and owes none once the evening's have begun", async () => {
    const zone = "Europe/Paris";
    const late = await createTestUser(db);
    await updateSettings(db, late.id, {
      timeZone: zone,
      country: "FR",
      quietHoursStart: "22:00",
      quietHoursEnd: "09:30",
      emailDailyDigest: true,
    });
    const owed = async (userId: string) =>
      db.select().from(notifications).where(eq(notifications.ownerId, userId));
    await queueDailyDigests(db, zonedDate("2026-11-30 08:00", zone));
    const [digest] = await owed(late.id);
    expect(digest?.sendAfter.toISOString()).toBe(zonedDate("2026-11-30 09:30", zone).toISOString());

    // Subscribed in the evening, inside the quiet hours: tomorrow's digest is the first.
    const evening = await createTestUser(db);
    await updateSettings(db, evening.id, {
      timeZone: zone,
      country: "FR",
      quietHoursStart: "21:00",
      quietHoursEnd: "08:00",
      emailDailyDigest: true,
    });
    await queueDailyDigests(db, zonedDate("2026-11-30 21:30", zone));
    expect(await owed(evening.id)).toEqual([]);
    await queueDailyDigests(db, zonedDate("2026-12-01 08:00", zone));
    expect((await owed(evening.id)).map((n) => n.sendAfter.toISOString())).toEqual([
      zonedDate("2026-12-01 08:00", zone).toISOString(),
    ]);
  });
});
