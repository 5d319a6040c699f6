"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** Every draft of this app in this browser starts with it. */
const draftPrefix = "caseward:";

/**
 * Removes every draft kept in this browser: on sign-out and account deletion, so the next
 * person at this computer finds none of the last one's notes.
 */
export function clearAllDrafts() {
  try {
    for (const key of Object.keys(window.localStorage)) {
      if (key.startsWith(draftPrefix)) window.localStorage.removeItem(key);
    }
  } catch {
    // Storage blocked: nothing was kept either.
  }
}

/**
 * Form state that survives a reload: kept in this browser's localStorage under `key` until
 * `clear()` (after a successful save). The first render uses `initial`, so the server and the
 * browser render the same page; the draft is restored right after.
 */
export function useDraft<T extends object>(
  key: `${typeof draftPrefix}${string}`,
  initial: () => T,
) {
  const [state, setState] = useState<T>(initial);
  // A ref, not state: with no draft kept, the page is not rendered a second time after hydrating
  // (a whole session form, on a phone). The effect below runs after this one, in the same commit.
  const restored = useRef(false);
  const cleared = useRef(false);

  useEffect(() => {
    try {
      const saved = window.localStorage.getItem(key);
      if (saved) setState((current) => ({ ...current, ...(JSON.parse(saved) as Partial<T>) }));
    } catch {
      // A corrupt or foreign draft is ignored, never fatal.
    }
    restored.current = true;
  }, [key]);

  useEffect(() => {
    if (!restored.current || cleared.current) return;
    const timer = window.setTimeout(() => {
      // A save may have cleared the draft while this write was waiting.
      if (!cleared.current) window.localStorage.setItem(key, JSON.stringify(state));
    }, 250);
    return () => window.clearTimeout(timer);
  }, [key, state]);

  const clear = useCallback(() => {
    cleared.current = true;
    window.localStorage.removeItem(key);
  }, [key]);

  return [state, setState, { clear }] as const;
}
