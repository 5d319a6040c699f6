import { describe, expect, it } from "vitest";

import { createTestUser, useTestDatabase } from "../testing";
import { getSettings, updateSettings } from "./settings-service";

const db = useTestDatabase();

describe("settings", () => {
  it("answers the defaults until the user saves, then what they saved", async () => {
    const user = await createTestUser(db);
    expect(await getSettings(db, user.id)).toEqual({
      timeZone: "America/Toronto",
      country: "CA",
      subdivision: "ON",
    });
    await updateSettings(db, user.id, {
      timeZone: "Australia/Sydney",
      country: "au",
      subdivision: "nsw",
    });
    expect(await getSettings(db, user.id)).toEqual({
      timeZone: "Australia/Sydney",
      country: "AU",
      subdivision: "NSW",
    });
    await updateSettings(db, user.id, { timeZone: "Europe/London", country: "GB" });
    expect(await getSettings(db, user.id)).toEqual({
      timeZone: "Europe/London",
      country: "GB",
      subdivision: null,
    });
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
});
