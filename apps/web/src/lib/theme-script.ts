/** Where the theme choice is kept: next-themes' key and values, so earlier choices still count. */
export const themeKey = "theme";
export const darkQuery = "(prefers-color-scheme: dark)";

/**
 * Puts `dark` on <html> (or takes it off) for the stored choice: "dark", "light", or anything
 * else ("system", nothing stored yet) for what the device prefers; with `follow` and a choice
 * that is neither, it also follows the device's changes. The listener reads the choice again on
 * each change, so it does nothing once "light" or "dark" is chosen. Returns the stored choice.
 *
 * Self-contained: the head's script is this function's own source text (`themeScript`), so it
 * may use nothing from outside it. Toggling the class to what it already is changes nothing,
 * so a page whose class is right is not restyled.
 */
export function applyTheme(key: string, query: string, follow: boolean): string | null {
  const system = window.matchMedia(query);
  const apply = () => {
    let choice: string | null = null;
    try {
      choice = window.localStorage.getItem(key);
    } catch {
      // Storage refused (a privacy setting): the device's preference decides.
    }
    document.documentElement.classList.toggle(
      "dark",
      choice === "dark" || (choice !== "light" && system.matches),
    );
    return choice;
  };
  const choice = apply();
  if (follow && choice !== "light" && choice !== "dark") system.addEventListener("change", apply);
  return choice;
}

/**
 * The root layout's blocking script, first in <head>: the theme is on <html> before the first
 * paint (no flash of the other theme) and before any of the app's scripts, which then have
 * nothing to restyle while they hydrate.
 */
export const themeScript = `(${applyTheme.toString()})(${JSON.stringify(themeKey)},${JSON.stringify(darkQuery)},true)`;
