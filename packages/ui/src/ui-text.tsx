"use client";

import { createContext, use } from "react";
import type { ReactNode } from "react";

/**
 * The few words the shared components say themselves (a dialog's close button, the navigation
 * sheet, the theme switch, the undo toasts, a sortable list's handles). The app gives them in
 * the page's language through `UiTextProvider`; this package knows no catalogue.
 */
export interface UiText {
  close: string;
  skipToContent: string;
  mainNavigation: string;
  navigation: string;
  openNavigation: string;
  closeNavigation: string;
  theme: string;
  lightTheme: string;
  darkTheme: string;
  systemTheme: string;
  notifications: string;
  dismiss: string;
  undo: string;
  /** A delete that failed: what it was ("Question deleted") and why. */
  notDone: (what: string, reason: string | undefined) => string;
  /** How to move a sortable item from the keyboard. */
  moveHint: string;
  /** A sortable item's handle. */
  move: (item: string) => string;
  /** Read out after an item moved. */
  moved: (item: string, position: number, total: number) => string;
}

/** English, for a tree without a provider (tests, the auth pages). */
export const englishUiText: UiText = {
  close: "Close",
  skipToContent: "Skip to content",
  mainNavigation: "Main",
  navigation: "Navigation",
  openNavigation: "Open navigation",
  closeNavigation: "Close navigation",
  theme: "Theme",
  lightTheme: "Light theme",
  darkTheme: "Dark theme",
  systemTheme: "Match system theme",
  notifications: "Notifications",
  dismiss: "Dismiss",
  undo: "Undo",
  moveHint: "Press the up or down arrow key to move the item.",
  notDone: (what, reason) =>
    `${what.replace(/\.$/, "")}: not done. ${reason ?? "Please try again."}`,
  move: (item) => `Move ${item}`,
  moved: (item, position, total) => `${item} moved to position ${position} of ${total}.`,
};

const UiTextContext = createContext<UiText>(englishUiText);

export function UiTextProvider({ value, children }: { value: UiText; children: ReactNode }) {
  return <UiTextContext value={value}>{children}</UiTextContext>;
}

export const useUiText = () => use(UiTextContext);
