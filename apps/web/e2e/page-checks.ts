import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

// What every page is checked for at phone width: no sideways scroll (WCAG 1.4.10 Reflow) and no
// serious or critical axe violation. Used by every-page.spec.ts and the specs of single pages.

/** How much wider than the window the page is, in CSS pixels (0 when it fits). */
export const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** What sticks out past the right edge: the first few elements, for the failure message. */
export const sticksOut = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className.toString().slice(0, 80)}`,
      ),
  );

/**
 * The serious and critical axe violations (all rules, or only `rules`): each rule with how many
 * nodes break it and the first three, for the failure message.
 */
export async function seriousViolations(page: Page, rules?: string[]) {
  const builder = new AxeBuilder({ page });
  const results = await (rules ? builder.withRules(rules) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      nodes: v.nodes.length,
      where: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
    }));
}
