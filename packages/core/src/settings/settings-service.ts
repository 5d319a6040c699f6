import { randomBytes } from "node:crypto";

import type { Database, Executor, Placeholder, SQLWrapper } from "@caseward/db";
import { eq, getTableColumns, inArray, jsonObject, readJsonRow, sql } from "@caseward/db";
import { userSettings } from "@caseward/db/schema";

import type { BusinessCalendar } from "../calendar";
import { regionProblem } from "../calendar/regions";
import { currentLookupHash, lookupHashes } from "../encryption/lookup-hash";
import { invalidField } from "../errors";
import type { Locale } from "../i18n/locale";
import type { SettingsInput } from "./schemas";
import { defaultSettings, settingsInput } from "./schemas";

export { defaultSettings };

export type Settings = typeof defaultSettings & { calendarToken: string | null };

/**
 * The user's settings from their row, or the defaults when they never saved any: the one place
 * the fallback is written (a query that joins the settings row hands it here).
 */
export function settingsOf(
  row: (Settings & Partial<typeof userSettings.$inferSelect>) | null | undefined,
): Settings {
  if (!row) return { ...defaultSettings, calendarToken: null };
  const {
    userId: _user,
    createdAt: _created,
    updatedAt: _updated,
    calendarTokenHash: _hash,
    ...settings
  } = row;
  return settings;
}

const settingsOfUser = (db: Executor, userId: Placeholder | string) =>
  db.select().from(userSettings).where(eq(userSettings.userId, userId));

// Built once per pool (drizzle built the query on every call, a tenth of `settings.get`'s CPU)
// and run as the connection's prepared statement; a transaction builds its own.
const preparedSettings = new WeakMap<
  Database,
  ReturnType<ReturnType<typeof settingsOfUser>["prepare"]>
>();

export async function getSettings(db: Executor, userId: string): Promise<Settings> {
  if (!("$client" in db)) return settingsOf((await settingsOfUser(db, userId))[0]);
  let query = preparedSettings.get(db);
  if (!query) {
    query = settingsOfUser(db, sql.placeholder("userId")).prepare("settings_of_user");
    preparedSettings.set(db, query);
  }
  const [row] = await query.execute({ userId });
  return settingsOf(row);
}

export async function updateSettings(db: Executor, userId: string, input: SettingsInput) {
  const parsed = settingsInput.parse(input);
  // The business calendar needs holidays for the region: only the listed ones have them.
  const problem = regionProblem(parsed.country, parsed.subdivision);
  if (problem) throw invalidField(problem.field, problem.message);
  const values = { ...parsed, subdivision: parsed.subdivision ?? null };
  await db
    .insert(userSettings)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: userSettings.userId, set: values });
  return getSettings(db, userId);
}

/**
 * A new account starts in the language its sign-up page spoke (the sign-in switch or the
 * browser's), so its first emails (confirmation, welcome) do too; settings already saved win.
 */
export async function rememberLanguage(db: Executor, userId: string, locale: Locale) {
  await db.insert(userSettings).values({ userId, locale }).onConflictDoNothing();
}

// The calendar feed's secret is shown in Settings only: a page that reads the settings as part
// of its one statement (`settingsJson`) does not decrypt it.
const {
  calendarToken: _token,
  calendarTokenHash: _hash,
  ...settingsColumns
} = getTableColumns(userSettings);

/** The user's settings row as JSON (null without one), for a page's one statement. */
export const settingsJson = (userId: Placeholder | SQLWrapper | string) =>
  sql`(select ${jsonObject(settingsColumns)} from ${userSettings}
       where ${userSettings.userId} = ${userId})`;

/** The settings of a `settingsJson` value (the defaults for null), without the feed's secret. */
export function settingsFromJson(value: Record<string, unknown> | null): Settings {
  return settingsOf(value && { ...readJsonRow(settingsColumns, value), calendarToken: null });
}

/** The business calendar that deadlines of this user are counted in. */
export function calendarOf(settings: Settings): BusinessCalendar {
  return {
    timeZone: settings.timeZone,
    country: settings.country,
    subdivision: settings.subdivision ?? undefined,
    hours: { start: settings.businessHoursStart, end: settings.businessHoursEnd },
  };
}

/**
 * A new secret URL for the user's calendar feed; the old one stops working. The token is kept
 * encrypted (Settings shows the link again) and found by its keyed hash.
 */
export async function rotateCalendarToken(db: Executor, userId: string) {
  const token = randomBytes(24).toString("base64url");
  const set = { calendarToken: token, calendarTokenHash: currentLookupHash(token) };
  await db
    .insert(userSettings)
    .values({ userId, ...set })
    .onConflictDoUpdate({ target: userSettings.userId, set });
  return token;
}

export async function revokeCalendarToken(db: Executor, userId: string) {
  await db
    .update(userSettings)
    .set({ calendarToken: null, calendarTokenHash: null })
    .where(eq(userSettings.userId, userId));
}

/** The owner of a calendar feed token, or null when unknown or revoked. */
export async function ownerOfCalendarToken(db: Executor, token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [row] = await db
    .select({ userId: userSettings.userId })
    .from(userSettings)
    .where(inArray(userSettings.calendarTokenHash, lookupHashes(token)));
  return row?.userId ?? null;
}
