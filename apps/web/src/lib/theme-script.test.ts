import { runInNewContext } from "node:vm";

import { describe, expect, it } from "vitest";

import { themeScript } from "./theme-script";

/** A page as the head's script sees it: stored choice, device preference, <html>'s classes. */
function page(stored: string | null, deviceDark: boolean) {
  const classes = new Set<string>();
  const changeListeners: (() => void)[] = [];
  const media = {
    matches: deviceDark,
    addEventListener: (type: string, listener: () => void) => {
      expect(type).toBe("change");
      changeListeners.push(listener);
    },
  };
  const storage = new Map(stored === null ? [] : [["theme", stored]]);
  const window = {
    matchMedia: (query: string) => {
      expect(query).toBe("(prefers-color-scheme: dark)");
      return media;
    },
    localStorage: { getItem: (key: string) => storage.get(key) ?? null },
  };
  const document = {
    documentElement: {
      classList: {
        toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name)),
      },
    },
  };
  return {
    /** The script exactly as the page gets it: its source text, with nothing of this module. */
    run: () => runInNewContext(themeScript, { window, document }) as unknown,
    window,
    dark: () => classes.has("dark"),
    listeners: changeListeners,
    /** The device switches, and tells the page. */
    deviceTurns(dark: boolean) {
      media.matches = dark;
      for (const listener of changeListeners) listener();
    },
    choose: (choice: string) => storage.set("theme", choice),
  };
}

describe("the head's theme script", () => {
  it.each([
    // stored choice (next-themes' values), device dark?, dark class?, follows the device?
    [null, false, false, true],
    [null, true, true, true],
    ["system", false, false, true],
    ["system", true, true, true],
    ["light", true, false, false],
    ["light", false, false, false],
    ["dark", false, true, false],
    ["dark", true, true, false],
    ["sepia", true, true, true],
  ] as const)(
    "stored %s, device dark %s → dark %s, follows %s",
    (stored, deviceDark, dark, follows) => {
      const p = page(stored, deviceDark);
      p.run();
      expect(p.dark()).toBe(dark);
      expect(p.listeners).toHaveLength(follows ? 1 : 0);
    },
  );

  it("follows the device for “system”, and stops once another choice is stored", () => {
    const p = page("system", false);
    p.run();
    p.deviceTurns(true);
    expect(p.dark()).toBe(true);
    p.choose("light");
    p.deviceTurns(false);
    p.deviceTurns(true);
    expect(p.dark()).toBe(false);
  });

  it("uses the device's preference when storage is refused", () => {
    const p = page(null, true);
    p.window.localStorage = {
      getItem: () => {
        throw new DOMException("refused", "SecurityError");
      },
    };
    p.run();
    expect(p.dark()).toBe(true);
  });
});
