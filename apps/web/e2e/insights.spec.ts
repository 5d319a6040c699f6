import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";

import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { hydrated, mutate, signUpByApi } from "./fixtures";
import { overflow, seriousViolations, sticksOut } from "./page-checks";

// The report card on a company page, the insights page and a CSV download, as a person whose
// settings say Toronto while the browser is in Tokyo; then both pages at 360 px in light and dark.
test.use({ timezoneId: "Asia/Tokyo", viewport: { width: 1366, height: 900 } });

const hour = 3600 * 1000;

/** With print media: no navigation, the content full width, dark text, nothing sticking out. */
async function printsCleanly(page: Page, name: string) {
  await expect(page.locator("aside")).toBeHidden();
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeHidden();
  const main = page.locator("main#content");
  expect(await main.evaluate((el) => getComputedStyle(el).paddingLeft)).toBe("0px");
  expect(await main.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(17, 17, 17)");
  expect(
    await overflow(page),
    `${name} on paper: ${(await sticksOut(page)).join(", ")}`,
  ).toBeLessThanOrEqual(0);
  const cut = await page
    .locator("[data-print-document] figure")
    .evaluateAll((figures) => figures.filter((f) => getComputedStyle(f).breakInside !== "avoid"));
  expect(cut).toHaveLength(0);
}
const shots = process.env.INSIGHTS_SCREENSHOTS;

test("a person sees how a company treats them, compares companies and downloads a CSV", async ({
  page,
}) => {
  await expect(() => signUpByApi(page.request)).toPass({ intervals: [2_000], timeout: 30_000 });
  const company = await mutate<{ id: string }>(page.request, "company.create", {
    name: "Rogers",
    website: "rogers.com",
    country: "CA",
  });
  const other = await mutate<{ id: string }>(page.request, "company.create", {
    name: "Bell",
    website: "bell.ca",
    country: "CA",
  });
  const companyId = company.data!.id;
  const opened = await mutate<{ id: string }>(page.request, "case.open", {
    companyId,
    title: "Internet outage since Monday",
  });
  const caseId = opened.data!.id;
  const now = Date.now();
  // Recent, so no deadline comes due while the test runs (the real worker would fire it).
  const started = now - 3 * hour;
  expect(
    (
      await mutate(page.request, "contact.log", {
        caseId,
        channelKind: "phone",
        startedAt: new Date(started).toISOString(),
        endedAt: new Date(started + 40 * 60_000).toISOString(),
        representativeName: "Priya Sharma",
        notes: "=cmd|' /C calc'!A0",
        outcome: "waiting_company",
        promisedFollowUp: "Technician visit",
        followUpDueAt: new Date(now + 72 * hour).toISOString(),
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await mutate(page.request, "contact.log", {
        caseId,
        channelKind: "phone",
        direction: "inbound",
        startedAt: new Date(now - hour).toISOString(),
        endedAt: new Date(now - hour + 20 * 60_000).toISOString(),
      })
    ).status,
  ).toBe(200);
  const bellCase = await mutate<{ id: string }>(page.request, "case.open", {
    companyId: other.data!.id,
    title: "Billing error",
  });
  await mutate(page.request, "contact.log", {
    caseId: bellCase.data!.id,
    channelKind: "email",
    startedAt: new Date(now - 2 * hour).toISOString(),
  });

  // The report card, on the company page.
  await page.goto(`/companies/${companyId}`);
  const card = page.getByRole("region", { name: "How they treat you" });
  await expect(card).toContainText(/1 case since/);
  await expect(card.getByRole("definition").filter({ hasText: "1 h" }).first()).toBeVisible();
  await expect(card).toContainText("Median of 1 answer over 1 case");
  await expect(card).toContainText("0 of 1 window that ended");
  await expect(card).toContainText("1 of 1");
  if (shots) await page.screenshot({ path: `${shots}/company-1366.png`, fullPage: true });
  await page.emulateMedia({ media: "print" });
  await printsCleanly(page, "company");
  await expect(card).toBeVisible();
  await expect(card.getByRole("link", { name: "Contacts with them (CSV)" })).toBeHidden();
  // The report card is the page on paper: no forms, buttons or other cards.
  await expect(page.getByRole("heading", { level: 1, name: "Rogers" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit" })).toBeHidden();
  await expect(page.getByText("Channel ladder")).toBeHidden();
  await expect(page.getByText("Complaints", { exact: true })).toBeHidden();
  expect(await card.evaluate((el) => getComputedStyle(el).breakInside)).toBe("avoid");
  if (shots) await writeFile(`${shots}/company.pdf`, await page.pdf({ format: "A4" }));
  await page.emulateMedia({ media: "screen" });

  // The insights page, across companies, and a filter by company.
  await card.getByRole("link", { name: "Compare with your other companies" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "How companies treat you" }),
  ).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Company" })).toHaveValue(companyId);
  await page.goto("/insights");
  await hydrated(page);
  await expect(page.getByRole("figure").first()).toContainText("2 cases opened");
  // The chart's figures, for screen readers: a table with a row per month.
  await expect(
    page.getByRole("table", { name: "Time on calls and chats, per month" }),
  ).toContainText("1 h");
  const deadlines = page.getByRole("region", { name: "Deadlines closest or passed" });
  await expect(deadlines).toContainText("Billing error");
  if (shots) await page.screenshot({ path: `${shots}/insights-1366.png`, fullPage: true });

  // On paper, from a dark screen: no navigation, filters or download links; each chart with
  // its table of figures, nothing cut across pages or wider than the page; black on white.
  const monthsTable = page.getByRole("table", { name: "Cases opened and resolved, per month" });
  // On screen its box is the screen readers' one pixel.
  const tableBox = monthsTable.locator("..");
  expect((await tableBox.boundingBox())!.width).toBeLessThanOrEqual(1);
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  await printsCleanly(page, "insights");
  await expect(page.getByRole("combobox", { name: "Period" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Months (CSV)" }).first()).toBeHidden();
  expect((await tableBox.boundingBox())!.width).toBeGreaterThan(300);
  await expect(monthsTable.getByRole("row")).toHaveCount(13);
  await expect(page.locator("figure svg:visible")).toHaveCount(2);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)!.length).toBeGreaterThanOrEqual(1);
  if (shots) await writeFile(`${shots}/insights.pdf`, pdf);
  await page.emulateMedia({ media: "screen", colorScheme: "light" });

  await page.getByRole("combobox", { name: "Status" }).selectOption("resolved");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/status=resolved/);
  await expect(page.getByText("No open deadline")).toBeVisible();

  // A CSV of all contacts: decrypted for the owner, a formula neutralised.
  await page.goto("/insights");
  await hydrated(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "All contacts (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^caseward-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), "utf8");
  expect(csv).toContain("Started (America/Toronto)");
  expect(csv).toContain("Priya Sharma");
  expect(csv).toContain("'=cmd|' /C calc'!A0");
  expect(csv.trimEnd().split("\r\n")).toHaveLength(4);
  // The case's timeline, from its evidence pack, whose summary carries the company's figures.
  await page.goto(`/cases/${caseId}/evidence`);
  await expect(page.getByRole("region", { name: "Summary" })).toContainText(
    "Time to a first answer",
  );
  const timeline = await page.request.get(
    (await page.getByRole("link", { name: "Timeline (CSV)" }).getAttribute("href"))!,
  );
  expect(timeline.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const timelineRows = (await timeline.text()).trimEnd().split("\r\n");
  expect(timelineRows).toHaveLength(3);
  expect(timelineRows[1]).toContain("Priya Sharma");
  // A filter that makes no sense is a clear 400, not a 500.
  const refused = await page.request.get("/api/exports/contacts.csv?from=yesterday");
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toEqual({ error: "Enter a date such as 2026-03-01." });

  // At 360 px: nothing scrolls sideways; axe finds nothing serious in light or dark.
  await page.setViewportSize({ width: 360, height: 740 });
  for (const [name, path] of [
    ["insights", "/insights"],
    ["company", `/companies/${companyId}`],
  ] as const) {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(path);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(
      await overflow(page),
      `${name} at 360 px: ${(await sticksOut(page)).join(", ")}`,
    ).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), `${name}: axe, light`).toEqual([]);
    if (shots) await page.screenshot({ path: `${shots}/${name}-360.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(page.locator("html")).toHaveClass(/dark/);
    expect(await seriousViolations(page), `${name}: axe, dark`).toEqual([]);
    if (shots) await page.screenshot({ path: `${shots}/${name}-360-dark.png`, fullPage: true });
  }
});
