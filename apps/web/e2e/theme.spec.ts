import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { hydrated, signUpByApi } from "./fixtures";

// The theme a person chooses: on the page before its first paint and before any of the app's
// scripts (no flash of the other theme), kept across reloads and tabs, and "Match system theme"
// following the device. A page load writes <html>'s class once, in the head's script: hydrating
// restyles nothing.

test.use({ viewport: { width: 1366, height: 900 } });

const html = (page: Page) => page.locator("html");

/** Every value <html>'s class takes from the document's start (recorded before any script). */
async function recordHtmlClass(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { htmlClasses: string[] }).htmlClasses = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.target === document.documentElement) {
          seen.push(document.documentElement.getAttribute("class") ?? "");
        }
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["class"] });
  });
}
const htmlClasses = (page: Page) =>
  page.evaluate(() => (window as unknown as { htmlClasses: string[] }).htmlClasses);

test("a dark choice is kept, and is on the page before any of its scripts runs", async ({
  page,
}) => {
  await signUpByApi(page.request);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await hydrated(page);
  await expect(html(page)).not.toHaveClass(/\bdark\b/);
  await expect(page.getByRole("button", { name: "Match system theme" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  const lightBackground = await page.evaluate(
    () => getComputedStyle(document.body).backgroundColor,
  );

  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(html(page)).toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => localStorage.getItem("theme"))).toBe("dark");

  // Reloaded: the class is written once, by the head's script, and hydrating leaves it alone.
  await recordHtmlClass(page);
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByRole("button", { name: "Light theme" })).toHaveAttribute(
    "aria-pressed",
    "false",
  );
  expect(await htmlClasses(page)).toEqual(["dark"]);
  const bodyBackground = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const darkBackground = await bodyBackground();
  expect(darkBackground).not.toBe(lightBackground);

  // None of the app's scripts: the page is dark all the same, so it is from its first paint.
  await page.route(/\/_next\/static\/.*\.js(\?|$)/, (route) => route.abort());
  await page.goto("/");
  await expect(html(page)).toHaveClass("dark");
  await expect(html(page)).not.toHaveAttribute("data-hydrated");
  expect(await bodyBackground()).toBe(darkBackground);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(
    "dark",
  );
});

test("“Match system theme” follows the device, and a choice does not", async ({ page }) => {
  await signUpByApi(page.request);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await hydrated(page);
  // Nothing chosen yet: the device's dark, then its light without a reload.
  await expect(html(page)).toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "light" });
  await expect(html(page)).not.toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(html(page)).toHaveClass(/\bdark\b/);

  await page.getByRole("button", { name: "Light theme" }).click();
  await expect(html(page)).not.toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "light" });
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(html(page)).not.toHaveClass(/\bdark\b/);

  // Loaded with "light", then back to the device's choice: followed from then on.
  await page.reload();
  await hydrated(page);
  await expect(html(page)).not.toHaveClass(/\bdark\b/);
  await page.getByRole("button", { name: "Match system theme" }).click();
  await expect(html(page)).toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "light" });
  await expect(html(page)).not.toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(html(page)).toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => localStorage.getItem("theme"))).toBe("system");
});

test("a choice made in one tab shows in the others", async ({ page, context }) => {
  await signUpByApi(page.request);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await hydrated(page);
  const other = await context.newPage();
  await other.emulateMedia({ colorScheme: "light" });
  await other.goto("/settings");
  await hydrated(other);

  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(html(other)).toHaveClass(/\bdark\b/);
  await expect(other.getByRole("button", { name: "Dark theme" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
});
