"use client";

import { useCallback, useEffect } from "react";

/**
 * Runs `run` once the page has settled: a few seconds after it loaded, when the browser is
 * idle. Until then the first load and its hydration have the phone's processor to themselves.
 */
export function useWhenSettled(run: () => void, afterMs = 4_000) {
  useEffect(() => {
    let idle: number | undefined;
    const timer = window.setTimeout(() => {
      // Safari has no requestIdleCallback: there, once the delay is over.
      const whenIdle: (run: () => void, options: { timeout: number }) => number =
        typeof window.requestIdleCallback === "function"
          ? window.requestIdleCallback.bind(window)
          : (next) => window.setTimeout(next, 0);
      idle = whenIdle(run, { timeout: 2_000 });
    }, afterMs);
    return () => {
      window.clearTimeout(timer);
      if (idle === undefined) return;
      if (typeof window.cancelIdleCallback === "function") window.cancelIdleCallback(idle);
      window.clearTimeout(idle);
    };
  }, [run, afterMs]);
}

/**
 * Fetches a part shown only on use (a dialog's form, a closed form) once the page has settled
 * (`useWhenSettled`); a tap before that loads it on the spot (`preloadProps` also starts it on
 * hover, focus or touch).
 */
export function usePreloadWhenIdle(load: () => Promise<unknown>, afterMs = 4_000) {
  const run = useCallback(() => void load().catch(() => undefined), [load]);
  useWhenSettled(run, afterMs);
}

/** Handlers that start loading a part as soon as its trigger is pointed at, focused or touched. */
export function preloadProps(load: () => Promise<unknown>) {
  const start = () => void load().catch(() => undefined);
  return { onPointerEnter: start, onFocus: start, onTouchStart: start };
}
