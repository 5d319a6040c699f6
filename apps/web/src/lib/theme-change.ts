/**
 * Runs a theme change with CSS transitions off, so every colour switches at once instead of
 * fading (a fade shows neither theme for a moment). next-themes' `disableTransitionOnChange`
 * (the theme library before `lib/theme.ts`) did the same, but also on every page load, where it
 * added and removed a `*` rule while hydrating: two restylings of the whole document (~150 ms on
 * a 4×-slowed phone, dashboard).
 */
export function withoutTransitions(change: () => void) {
  const style = document.createElement("style");
  style.textContent = "*,*::before,*::after{transition:none!important}";
  document.head.append(style);
  change();
  // The class changes at once (`setThemeChoice`), the toggle's pressed button in the render that
  // follows: keep the rule until a frame has been styled with both.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      void window.getComputedStyle(document.body).color;
      style.remove();
    }),
  );
}
