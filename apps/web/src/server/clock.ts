import "server-only";

import { assertTimeZone, clockOf, getSettings } from "@caseward/core";
import { cookies } from "next/headers";
import { cache } from "react";

import type { ClockSettings } from "~/lib/time";
import { deviceZoneCookie } from "~/lib/device-zone";
import { db } from "./db";

function knownZone(zone: string | undefined) {
  if (!zone) return undefined;
  try {
    assertTimeZone(zone);
    return zone;
  } catch {
    return undefined;
  }
}

/**
 * The user's clock for this request: their settings zone and locale, the device's zone from
 * its cookie (if the browser ever set it), and the render time. Once per request.
 */
export const requestClock = cache(async (userId: string): Promise<ClockSettings> => {
  const [settings, jar] = await Promise.all([getSettings(db, userId), cookies()]);
  const deviceZone = knownZone(jar.get(deviceZoneCookie)?.value);
  return { ...clockOf(settings, deviceZone), renderedAt: Date.now() };
});
