import { useSyncExternalStore } from "react";

import { applyTheme, darkQuery, themeKey } from "./theme-script";

export type ThemeChoice = "light" | "dark" | "system";

// The head's script (`themeScript`) has already put the theme on <html>; this module only keeps
// the choice for the theme toggle and applies a new one. Nothing here runs while a page hydrates
// except reading the choice, so a page load restyles nothing.

let choice: ThemeChoice | undefined;
/** Whether a listener already follows the device's changes (the head's script adds one for "system"). */
let following: boolean | undefined;
const listeners = new Set<() => void>();

function readChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(themeKey);
    if (stored === "light" || stored === "dark") return stored;
  } catch {
    // Storage refused: the device decides, as "system".
  }
  return "system";
}

function getSnapshot(): ThemeChoice {
  if (choice === undefined) {
    choice = readChoice();
    following = choice === "system";
  }
  return choice;
}

/** Unknown on the server: the toggle hydrates with nothing pressed, then renders alone. */
function getServerSnapshot(): undefined {
  return undefined;
}

/** Applies the stored choice (a new one, or another tab's) and tells the toggles. */
function show() {
  getSnapshot();
  const shown = applyTheme(themeKey, darkQuery, !following);
  if (shown !== "light" && shown !== "dark") following = true;
  choice = readChoice();
  for (const listener of listeners) listener();
}

// Another tab's choice: this one follows (the event fires only in the other tabs).
function onStorage(event: StorageEvent) {
  if (event.key === themeKey || event.key === null) show();
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener("storage", onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("storage", onStorage);
  };
}

/** The theme chosen in this browser; `undefined` while hydrating (the server cannot know it). */
export function useThemeChoice(): ThemeChoice | undefined {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

/** Keeps the choice (for every page and tab of this browser) and shows it at once. */
export function setThemeChoice(next: ThemeChoice) {
  try {
    window.localStorage.setItem(themeKey, next);
  } catch {
    // Storage refused (a privacy setting): nothing is kept, and the device decides, as the
    // toggle then shows ("system").
  }
  show();
}
