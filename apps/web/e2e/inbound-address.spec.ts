import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { mutate, newPerson, query, signUpByApi } from "./fixtures";

// The browser is on Tokyo time while the user's settings say Toronto.
test.use({ timezoneId: "Asia/Tokyo", permissions: ["clipboard-read", "clipboard-write"] });

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => ["serious", "critical"].includes(v.impact!));
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

for (const viewport of [
  { width: 1366, height: 900 },
  { width: 360, height: 740 },
]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });
    test.setTimeout(240_000);

    test("Settings shows the private address, copies it, and a new address replaces it", async ({
      page,
    }, testInfo) => {
      await signUpByApi(page.request, newPerson("Ines Inbound"));
      await mutate(page.request, "settings.update", {
        timeZone: "America/Toronto",
        country: "CA",
        subdivision: "ON",
      });
      await page.goto("/settings");
      const field = page.getByRole("textbox", { name: "Your Caseward address" });
      await expect(field).toHaveValue(/^[a-z2-7]{32}@inbound\.localhost$/);
      const first = await field.inputValue();
      await page.getByRole("button", { name: "Copy" }).first().click();
      await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
      await field.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: testInfo.outputPath(`settings-address-${viewport.width}.png`),
        fullPage: true,
      });
      await noSeriousViolations(page);
      await noSidewaysScroll(page);

      await page.getByRole("button", { name: "Make a new address" }).click();
      const dialog = page.getByRole("dialog", { name: "Make a new address?" });
      await expect(dialog).toContainText("stops working at once");
      await noSeriousViolations(page);
      await dialog.getByRole("button", { name: "Make a new address" }).click();
      await expect(dialog).toBeHidden();
      await expect(field).not.toHaveValue(first);
      await expect(field).toHaveValue(/^[a-z2-7]{32}@inbound\.localhost$/);
    });

    test("the case page shows the case's own address", async ({ page }, testInfo) => {
      await signUpByApi(page.request, newPerson("Jonah Inbound"));
      const company = await mutate<{ id: string }>(page.request, "company.create", {
        name: "Rogers",
        website: "rogers.com",
        country: "CA",
      });
      const opened = await mutate<{ id: string }>(page.request, "case.open", {
        companyId: company.data!.id,
        title: "Internet outage credit",
      });
      const own = await query<{ address: string }>(page.request, "settings.inboundAddress");
      await page.goto(`/cases/${opened.data!.id}`);
      const field = page.getByRole("textbox", { name: "This case's email address" });
      const token = own.data!.address.split("@")[0]!;
      await expect(field).toHaveValue(new RegExp(`^${token}\\+[a-z2-7]{8}@inbound\\.localhost$`));
      await page.screenshot({
        path: testInfo.outputPath(`case-address-${viewport.width}.png`),
        fullPage: true,
      });
      await noSeriousViolations(page);
      await noSidewaysScroll(page);
    });
  });
}
