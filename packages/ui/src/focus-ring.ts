/**
 * One focus style for every interactive element, so keyboard users always see where they are.
 * `outline-solid` is needed: Tailwind v4's `outline-hidden` zeroes the outline style variable.
 */
export const focusRing =
  "outline-hidden outline-ring focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-solid";

/** Text-like controls (input, textarea, select) share border, focus and invalid styles. */
export const controlBase =
  "w-full rounded-md border border-input bg-card text-base text-foreground shadow-xs transition-[color,box-shadow,border-color] outline-hidden placeholder:text-muted-foreground focus:border-ring focus:ring-3 focus:ring-ring/25 disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-danger aria-invalid:focus:ring-danger/25 sm:text-sm";
