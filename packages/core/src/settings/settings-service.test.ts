import { describe, expect, it } from "vitest";

import { createTestUser, useTestDatabase } from "../testing";
import {
  getSettings,
  ownerOfCalendarToken,
  revokeCalendarToken,
  rotateCalendarToken,
  updateSettings,
} from "./settings-service";

const db = useTestDatabase();

describe("settings", () => {
  it("answers the defaults until the user saves, then what they saved", async () => {
    const user = await createTestUser(db);
    expect(await getSettings(db, user.id)).toMatchObject({
      timeZone: "America/Toronto",
      country: "CA",
      subdivision: "ON",
      responseWindowDays: 2,
      emailEscalations: true,
    });
    await updateSettings(db, user.id, {
      timeZone: "Australia/Sydney",
      country: "au",
      subdivision: "nsw",
      responseWindowDays: "3",
      emailDailyDigest: "on",
    });
    expect(await getSettings(db, user.id)).toMatchObject({
      timeZone: "Australia/Sydney",
      country: "AU",
      subdivision: "NSW",
      responseWindowDays: 3,
      emailDailyDigest: true,
      // As in an HTML form, a checkbox left out is off.
      emailEscalations: false,
    });
    await updateSettings(db, user.id, {
      timeZone: "Europe/London",
      country: "GB",
      emailEscalations: true,
    });
    expect(await getSettings(db, user.id)).toMatchObject({
      timeZone: "Europe/London",
      country: "GB",
      subdivision: null,
      emailEscalations: true,
      quietHoursStart: "21:00",
    });
  });

  it("keeps the language chosen when a form leaves it out, and refuses one it does not speak", async () => {
    const user = await createTestUser(db);
    expect((await getSettings(db, user.id)).locale).toBe("en");
    await updateSettings(db, user.id, {
      timeZone: "America/Montreal",
      country: "CA",
      locale: "fr-CA",
    });
    expect((await getSettings(db, user.id)).locale).toBe("fr-CA");
    await updateSettings(db, user.id, { timeZone: "America/Toronto", country: "CA" });
    expect(await getSettings(db, user.id)).toMatchObject({
      locale: "fr-CA",
      timeZone: "America/Toronto",
    });
    await expect(
      updateSettings(db, user.id, {
        timeZone: "America/Toronto",
        country: "CA",
        locale: "de" as "en",
      }),
    ).rejects.toThrow(/English or French/);
    expect((await getSettings(db, user.id)).locale).toBe("fr-CA");
  });

  it("refuses an unknown time zone and keeps what was stored", async () => {
    const user = await createTestUser(db);
    await updateSettings(db, user.id, {
      timeZone: "America/Vancouver",
      country: "CA",
      subdivision: "BC",
    });
    await expect(
      updateSettings(db, user.id, { timeZone: "Mars/Olympus", country: "CA" }),
    ).rejects.toThrow(/time zone/);
    expect((await getSettings(db, user.id)).timeZone).toBe("America/Vancouver");
  });

  it.each([
    {
      country: "ZZ",
      subdivision: undefined,
      field: "country",
      message: "Pick your country from the list.",
    },
    {
      country: "CA",
      subdivision: "XX",
      field: "subdivision",
      message: "Pick your province or state in Canada from the list.",
    },
    {
      country: "IS",
      subdivision: "RE",
      field: "subdivision",
      message: "Iceland has no provinces or states to pick from: leave it empty.",
    },
  ])(
    "refuses a region without a holiday calendar ($country $subdivision) beside its field",
    async ({ country, subdivision, field, message }) => {
      const user = await createTestUser(db);
      const error = await updateSettings(db, user.id, {
        timeZone: "America/Toronto",
        country,
        subdivision,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { [field]: [message] } });
      expect(await getSettings(db, user.id)).toMatchObject({ country: "CA", subdivision: "ON" });
    },
  );

  it("refuses closing before opening", async () => {
    const user = await createTestUser(db);
    await expect(
      updateSettings(db, user.id, {
        timeZone: "America/Toronto",
        country: "CA",
        businessHoursStart: "17:00",
        businessHoursEnd: "09:00",
      }),
    ).rejects.toThrow(/after opening/);
  });

  it("gives each user a revocable calendar feed token", async () => {
    const user = await createTestUser(db);
    const first = await rotateCalendarToken(db, user.id);
    expect(await ownerOfCalendarToken(db, first)).toBe(user.id);
    const second = await rotateCalendarToken(db, user.id);
    expect(await ownerOfCalendarToken(db, first)).toBeNull();
    expect(await ownerOfCalendarToken(db, second)).toBe(user.id);
    await revokeCalendarToken(db, user.id);
    expect(await ownerOfCalendarToken(db, second)).toBeNull();
    expect(await ownerOfCalendarToken(db, "short")).toBeNull();
  });
});
