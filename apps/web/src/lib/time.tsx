"use client";

import { formatRelative, showsZone } from "@caseward/core/time";
import type { ReactNode } from "react";
import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";

import type { ClockSettings, LiveClockSettings } from "./clock-format";
import { clockFormat, userClockOf } from "./clock-format";
import { deviceZoneCookie } from "./device-zone";
import { useWhenSettled } from "./preload";
import type { WireClockSettings } from "./clock-wire";
import { unpackTimeline, unpackTimePattern } from "./clock-wire";

export type { ClockSettings };

const ClockContext = createContext<LiveClockSettings | null>(null);

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The device's own offset at an instant, from its `Date` (no Intl, so no ICU data to load). */
const deviceOffset = (instant: number) => -new Date(instant).getTimezoneOffset() * 60_000;

const monthMs = 30 * 86400_000;

/**
 * Whether the device's own clock names the zone at the same times as the server's guess did
 * (the cookie's zone, or none: every time named), at the instants where either could change:
 * each change of offset in the user's and the cookie zone's timelines (and the second before
 * it), each month of their span, and the render. Instants outside the timelines are left out:
 * the guess would need Intl there.
 */
function sameAnswers(settings: ClockSettings): boolean {
  const guess = userClockOf(settings);
  const live = { ...guess, deviceOffset };
  const timelines = [settings.timeline, settings.deviceTimeline].filter((t) => t !== undefined);
  const from = Math.max(...timelines.map((t) => t.segments[0]?.from ?? Infinity));
  const until = Math.min(...timelines.map((t) => t.until));
  const instants = [settings.renderedAt];
  for (const timeline of timelines) {
    for (const segment of timeline.segments) instants.push(segment.from - 1000, segment.from);
  }
  for (let instant = from; instant < until; instant += monthMs) instants.push(instant);
  return instants
    .filter((instant) => instant >= from && instant < until)
    .every((instant) => showsZone(new Date(instant), guess) === showsZone(new Date(instant), live));
}

/**
 * Every time on a page is written on the user's clock (their settings zone), never the
 * browser's, so the server and the browser write the same text. Whether the zone is named
 * depends on the device's own clock: the server knows its zone from a cookie; the browser
 * hydrates with that same guess, then compares its own offsets (its `Date`, no Intl) with it
 * and, only when they name the zone at other times, renders again (in a transition) with its
 * own offsets. The device zone's name, for the cookie, is read once the page has settled and
 * only when the cookie is missing or its zone does not match: the first `Intl.DateTimeFormat`
 * of a page loads ICU's data, ~200 ms of a 4×-slowed phone's main thread. The timelines and the
 * time pattern come packed (`clock-wire.ts`) and are expanded here.
 */
export function ClockProvider({
  children,
  timeZone,
  locale,
  timeline: wireTimeline,
  deviceZone: cookieZone,
  deviceTimeline: wireDeviceTimeline,
  renderedAt,
  timePattern: wireTimePattern,
}: WireClockSettings & { children: ReactNode }) {
  const timeline = useMemo(() => unpackTimeline(wireTimeline), [wireTimeline]);
  const cookieZoneTimeline = useMemo(
    () =>
      wireDeviceTimeline === "same"
        ? timeline
        : wireDeviceTimeline && unpackTimeline(wireDeviceTimeline),
    [wireDeviceTimeline, timeline],
  );
  const timePattern = useMemo(
    () => wireTimePattern && unpackTimePattern(wireTimePattern),
    [wireTimePattern],
  );
  const [live, setLive] = useState(false);
  // Whether the cookie's zone names the zone when the device's own clock does (a ref: knowing
  // it renders nothing).
  const cookieFresh = useRef(false);
  const settings = useMemo(
    () => ({
      timeZone,
      locale,
      timeline,
      ...(cookieZone ? { deviceZone: cookieZone } : {}),
      ...(cookieZoneTimeline ? { deviceTimeline: cookieZoneTimeline } : {}),
      renderedAt,
      ...(timePattern ? { timePattern } : {}),
    }),
    [timeZone, locale, timeline, cookieZone, cookieZoneTimeline, renderedAt, timePattern],
  );
  // After hydration, and when the server sends other settings (a new zone in the settings).
  useEffect(() => {
    const same = sameAnswers(settings);
    cookieFresh.current = settings.deviceZone !== undefined && same;
    if (!same) startTransition(() => setLive(true));
  }, [settings]);
  const refreshCookie = useCallback(() => {
    if (cookieFresh.current) return;
    const zone = browserZone();
    if (zone === cookieZone) return;
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${deviceZoneCookie}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax${secure}`;
    // A zone the server did not know: the device's own offsets decide from now on.
    startTransition(() => setLive(true));
  }, [cookieZone]);
  useWhenSettled(refreshCookie);
  const value = useMemo(() => (live ? { ...settings, deviceOffset } : settings), [live, settings]);
  return <ClockContext value={value}>{children}</ClockContext>;
}

/** The clock's settings: the server's guess while hydrating, the device's own clock after. */
function useClockSettings(): LiveClockSettings {
  const settings = useContext(ClockContext);
  if (!settings) throw new Error("Times are written inside a ClockProvider (the app layout).");
  return settings;
}

/**
 * The user's clock for a component: every way a page writes a time or reads one typed into a
 * datetime-local input (Server Components use server/user-clock.ts, which writes the same).
 */
export function useClock() {
  const settings = useClockSettings();
  return useMemo(() => clockFormat(settings), [settings]);
}

export type Clock = ReturnType<typeof useClock>;

const minute = 60_000;
const everyMinute = (onChange: () => void) => {
  const timer = window.setInterval(onChange, minute / 2);
  return () => window.clearInterval(timer);
};
const currentMinute = () => Math.floor(Date.now() / minute) * minute;

/**
 * "3 days ago", kept current. While hydrating it counts from the server's render time, as the
 * server did, so the text matches; then from the browser's clock, each minute.
 */
export function useTimeAgo() {
  const settings = useClockSettings();
  const now = useSyncExternalStore(everyMinute, currentMinute, () => settings.renderedAt);
  const clock = userClockOf(settings);
  return (date: Date) => formatRelative(date, now, clock);
}
