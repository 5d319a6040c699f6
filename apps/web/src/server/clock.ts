import "server-only";

import type { ZoneTimeline } from "@caseward/core";
import { assertTimeZone, clockOf, getSettings, timePattern, zoneTimeline } from "@caseward/core";
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

const dayMs = 86400_000;
const timelines = new Map<string, { day: number; timeline: ZoneTimeline }>();

/**
 * A zone's offsets from ten years back to three ahead, as this server's data has them (for
 * the browser to write what the server would), made once a day per zone and locale.
 */
function timelineOf(zone: string, locale: string): ZoneTimeline {
  const day = Math.floor(Date.now() / dayMs);
  const key = `${zone}|${locale}`;
  const cached = timelines.get(key);
  if (cached?.day === day) return cached.timeline;
  const timeline = zoneTimeline(zone, locale, (day - 3653) * dayMs, (day + 1096) * dayMs);
  timelines.set(key, { day, timeline });
  return timeline;
}

/** The user's settings, read once per request. */
export const requestSettings = cache((userId: string) => getSettings(db, userId));

/**
 * The user's clock for this request: their settings zone and locale with its offsets, the
 * device's zone from its cookie (if the browser ever set it) with its own, and the render
 * time. Once per request.
 */
export const requestClock = cache(async (userId: string): Promise<ClockSettings> => {
  const [settings, jar] = await Promise.all([requestSettings(userId), cookies()]);
  const deviceZone = knownZone(jar.get(deviceZoneCookie)?.value);
  const clock = clockOf(settings, deviceZone);
  const pattern = timePattern(clock.locale);
  return {
    ...clock,
    timeline: timelineOf(clock.timeZone, clock.locale),
    ...(deviceZone ? { deviceTimeline: timelineOf(deviceZone, clock.locale) } : {}),
    renderedAt: Date.now(),
    ...(pattern ? { timePattern: pattern } : {}),
  };
});
