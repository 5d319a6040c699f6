import type { Executor } from "@caseward/db";
import { eq } from "@caseward/db";
import { userSettings } from "@caseward/db/schema";

import type { SettingsInput } from "./schemas";
import { settingsInput } from "./schemas";

/** Until the user says otherwise: Toronto, Ontario (the defaults of the schema). */
export const defaultSettings = {
  timeZone: "America/Toronto",
  country: "CA",
  subdivision: "ON" as string | null,
};

export async function getSettings(db: Executor, userId: string) {
  const [row] = await db.select().from(userSettings).where(eq(userSettings.userId, userId));
  return row
    ? { timeZone: row.timeZone, country: row.country, subdivision: row.subdivision }
    : { ...defaultSettings };
}

export async function updateSettings(db: Executor, userId: string, input: SettingsInput) {
  const parsed = settingsInput.parse(input);
  const values = {
    timeZone: parsed.timeZone,
    country: parsed.country,
    subdivision: parsed.subdivision ?? null,
  };
  await db
    .insert(userSettings)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: userSettings.userId, set: values });
  return values;
}
