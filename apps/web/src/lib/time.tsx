"use client";

import { formatRelative } from "@caseward/core/time";
import type { ReactNode } from "react";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from "react";

import type { ClockSettings } from "./clock-format";
import { clockFormat, userClockOf } from "./clock-format";
import { deviceZoneCookie } from "./device-zone";
import { useWhenSettled } from "./preload";

export type { ClockSettings };

const ClockContext = createContext<{ settings: ClockSettings; readZone: () => void } | null>(null);

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Every time on a page is written on the user's clock (their settings zone), never the
 * browser's, so the server and the browser write the same text. Whether the zone is named
 * depends on the device's own zone: the server knows it from a cookie; the browser renders
 * with that same guess while hydrating, then with its real zone (and keeps the cookie fresh).
 * The real zone is read as soon as a part of the page writes times in the browser (`useClock`,
 * `useTimeAgo`), else once the page has settled: the first `Intl.DateTimeFormat` of a page
 * loads ICU's data, ~200 ms of a 4×-slowed phone's main thread, which pages whose times are
 * all written on the server (the dashboard) need not spend while hydrating.
 */
export function ClockProvider({
  children,
  timeZone,
  locale,
  timeline,
  deviceZone: cookieZone,
  deviceTimeline: cookieZoneTimeline,
  renderedAt,
}: ClockSettings & { children: ReactNode }) {
  const [deviceZone, setDeviceZone] = useState(cookieZone);
  const readZone = useCallback(() => setDeviceZone(browserZone()), []);
  useWhenSettled(readZone);
  useEffect(() => {
    if (!deviceZone || deviceZone === cookieZone) return;
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${deviceZoneCookie}=${encodeURIComponent(deviceZone)}; path=/; max-age=31536000; samesite=lax${secure}`;
  }, [deviceZone, cookieZone]);
  const value = useMemo(
    () => ({
      settings: {
        timeZone,
        locale,
        timeline,
        deviceZone,
        // The server's offsets describe the zone it was told of, not another one found since.
        deviceTimeline: deviceZone === cookieZone ? cookieZoneTimeline : undefined,
        renderedAt,
      },
      readZone,
    }),
    [timeZone, locale, timeline, deviceZone, cookieZone, cookieZoneTimeline, renderedAt, readZone],
  );
  return <ClockContext value={value}>{children}</ClockContext>;
}

/** The clock's settings, with the device's real zone read right after hydration. */
function useClockSettings(): ClockSettings {
  const clock = useContext(ClockContext);
  if (!clock) throw new Error("Times are written inside a ClockProvider (the app layout).");
  const { readZone } = clock;
  useEffect(readZone, [readZone]);
  return clock.settings;
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
