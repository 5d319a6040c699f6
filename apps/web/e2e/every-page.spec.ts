import { appendFileSync } from "node:fs";

import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { expect } from "@playwright/test";

import type { EveryPageData } from "./fixtures";
import { testWithEveryPage as test } from "./fixtures";
import { overflow, seriousViolations, sticksOut } from "./page-checks";

// Every page at phone width, as a person holding the phone during a call sees it: nothing
// scrolls sideways (WCAG 1.4.10 Reflow) and axe finds no serious or critical violation, in the
// light and the dark theme. The browser is in Tokyo while the user's settings say Toronto.
// The signed-in pages share one user per worker (testWithEveryPage); signed-out pages ignore it.
// No trace: recording every action of 22 pages costs a fifth of the spec's time, and a failure
// says which page, width, theme and elements in its own message.
test.use({ viewport: { width: 360, height: 740 }, timezoneId: "Asia/Tokyo", trace: "off" });

interface PageToVisit {
  name: string;
  path: (data: EveryPageData) => string;
  /** Visited signed out (the sign-in pages). */
  signedOut?: boolean;
  /** What shows once the page has rendered its data. */
  ready: (page: Page) => ReturnType<Page["getByRole"]>;
  /** Also checked by axe at 1366 px: a layout whose desktop form has parts of its own. */
  desktopLayout?: boolean;
}

const heading = (name: string | RegExp) => (page: Page) =>
  page.getByRole("heading", { level: 1, name });

const pages: PageToVisit[] = [
  { name: "dashboard", path: () => "/", ready: heading("Cases"), desktopLayout: true },
  {
    name: "cases search",
    path: () => "/?q=refund&status=waiting_company",
    ready: heading("Cases"),
  },
  {
    name: "case",
    path: (d) => `/cases/${d.caseId}`,
    ready: heading(/Charged twice/),
    desktopLayout: true,
  },
  {
    name: "contact session",
    path: (d) => `/cases/${d.caseId}/session`,
    ready: (page) => page.getByRole("heading", { level: 1 }),
  },
  { name: "evidence pack", path: (d) => `/cases/${d.caseId}/evidence`, ready: heading(/Charged/) },
  { name: "companies", path: () => "/companies", ready: heading("Companies") },
  { name: "company", path: (d) => `/companies/${d.companyId}`, ready: heading("Rogers") },
  {
    name: "company with a long name",
    path: (d) => `/companies/${d.longCompanyId}`,
    ready: heading(/Extraordinarily/),
  },
  {
    name: "company privacy",
    path: (d) => `/companies/${d.companyId}/privacy`,
    ready: (page) => page.getByRole("heading", { level: 1 }),
  },
  {
    name: "breach report",
    path: (d) => `/companies/${d.companyId}/breaches/${d.breachId}`,
    ready: (page) => page.getByRole("heading", { level: 1 }),
  },
  {
    name: "privacy",
    path: () => "/privacy",
    ready: (page) => page.getByRole("heading", { level: 1 }),
  },
  { name: "settings", path: () => "/settings", ready: heading("Settings") },
  { name: "inbox", path: () => "/inbox", ready: heading("Inbox") },
  { name: "insights", path: () => "/insights", ready: heading("How companies treat you") },
  {
    name: "dev mailbox",
    path: () => "/dev/mailbox",
    ready: (page) => page.getByRole("heading", { level: 1 }),
  },
  {
    name: "case not found",
    path: () => "/cases/00000000-0000-4000-8000-000000000000",
    ready: (page) => page.getByRole("main"),
  },
  {
    name: "not found",
    path: () => "/no-such-page",
    ready: (page) => page.getByRole("heading", { level: 1 }),
  },
  {
    name: "sign-in",
    path: () => "/sign-in",
    signedOut: true,
    desktopLayout: true,
    ready: (page) => page.getByRole("heading", { level: 1 }),
  },
  {
    name: "sign-up",
    path: () => "/sign-up",
    signedOut: true,
    ready: (page) => page.getByRole("heading", { level: 1 }),
  },
  {
    name: "forgot password",
    path: () => "/forgot-password",
    signedOut: true,
    ready: (page) => page.getByRole("heading", { level: 1 }),
  },
  {
    name: "reset password",
    path: () => "/reset-password?token=not-a-real-token",
    signedOut: true,
    ready: (page) => page.getByRole("heading", { level: 1 }),
  },
  {
    name: "reset password, link expired",
    path: () => "/reset-password?error=INVALID_TOKEN",
    signedOut: true,
    ready: (page) => page.getByRole("heading", { level: 1 }),
  },
  {
    name: "not found, signed out",
    path: () => "/no-such-page",
    signedOut: true,
    ready: (page) => page.getByRole("heading", { level: 1 }),
  },
];

/**
 * Rules whose result can change with the theme: the dark run checks only these, because
 * switching the class changes colours and nothing else (the DOM axe reads is the same).
 */
const colourRules = ["color-contrast", "link-in-text-block"];

/**
 * The dark theme on the page as it is: the class the theme script sets, no reload. Resolves
 * once the colour transitions have ended (axe measuring mid-fade reads neither theme).
 */
async function setDark(page: Page, dark: boolean) {
  await page.evaluate((on) => {
    const root = document.documentElement;
    root.classList.toggle("dark", on);
    root.classList.toggle("light", !on);
    root.style.colorScheme = on ? "dark" : "light";
  }, dark);
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) => !(animation instanceof CSSTransition) || animation.playState !== "running",
      ),
  );
}

/** A page's widest width at 360 and 390 px and its axe counts, appended for the report when asked. */
function record(name: string, figures: Record<string, unknown>) {
  const file = process.env.EVERY_PAGE_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify({ page: name, ...figures })}\n`);
}

const screenshotted = new Set([
  "dashboard",
  "case",
  "contact session",
  "company with a long name",
  "sign-in",
  "sign-up",
]);

/** Full-page screenshots to look at, when asked (EVERY_PAGE_SCREENSHOTS=dir). */
async function screenshot(page: Page, name: string, width: string) {
  const dir = process.env.EVERY_PAGE_SCREENSHOTS;
  if (!dir || !screenshotted.has(name)) return;
  // In slices a person can read: a whole phone page is too tall to look at in one image.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const { width: pageWidth } = page.viewportSize()!;
  for (let y = 0, part = 1; y < height; y += 1400, part++) {
    await page.screenshot({
      path: `${dir}/${name.replaceAll(/\W+/g, "-")}-${width}-${part}.png`,
      fullPage: true,
      clip: { x: 0, y, width: pageWidth, height: Math.min(1400, height - y) },
    });
  }
}

async function visit(
  browser: Browser,
  baseURL: string | undefined,
  visit: PageToVisit,
  data: EveryPageData,
  storageState: BrowserContextOptions["storageState"],
) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    timezoneId: "Asia/Tokyo",
    colorScheme: "light",
    storageState: visit.signedOut ? undefined : storageState,
  });
  const page = await context.newPage();
  try {
    await page.goto(visit.path(data));
    await expect(visit.ready(page).first()).toBeVisible();
    const width360 = await overflow(page);
    await screenshot(page, visit.name, "360");
    expect
      .soft(width360, `${visit.name} is wider than 360 px: ${(await sticksOut(page)).join(", ")}`)
      .toBe(0);
    const light = await seriousViolations(page);
    expect.soft(light, `${visit.name}: axe in the light theme`).toEqual([]);

    await setDark(page, true);
    const dark = await seriousViolations(page, colourRules);
    expect.soft(dark, `${visit.name}: axe in the dark theme`).toEqual([]);
    await setDark(page, false);

    await page.setViewportSize({ width: 390, height: 844 });
    const width390 = await overflow(page);
    expect.soft(width390, `${visit.name} is wider than 390 px`).toBe(0);

    // The desktop layouts have their own parts (the app's side navigation, the sign-in
    // panel); the other pages show the same elements in wider columns.
    let desktop: Awaited<ReturnType<typeof seriousViolations>> = [];
    if (visit.desktopLayout) {
      await page.setViewportSize({ width: 1366, height: 900 });
      desktop = await seriousViolations(page);
      expect.soft(desktop, `${visit.name}: axe at 1366 px`).toEqual([]);
      await screenshot(page, visit.name, "1366");
    } else if (process.env.EVERY_PAGE_SCREENSHOTS) {
      await page.setViewportSize({ width: 1366, height: 900 });
      await screenshot(page, visit.name, "1366");
    }
    record(visit.name, {
      width360: 360 + width360,
      width390: 390 + width390,
      light: light.reduce((sum, v) => sum + v.nodes, 0),
      dark: dark.reduce((sum, v) => sum + v.nodes, 0),
      desktop: desktop.reduce((sum, v) => sum + v.nodes, 0),
      rules: [...new Set([...light, ...dark, ...desktop].map((v) => v.id))].join(" "),
    });
  } finally {
    await context.close();
  }
}

for (const page of pages) {
  test(`${page.name} fits a phone and passes axe in light and dark`, async ({
    browser,
    baseURL,
    everyPage,
  }) => {
    // Two or three axe runs: a few seconds on an idle machine, far more on a busy one.
    test.setTimeout(120_000);
    await visit(browser, baseURL, page, everyPage.data, everyPage.storageState);
  });
}

test("the ladder's menus open on screen at 360 px", async ({ browser, baseURL, everyPage }) => {
  const phone = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    timezoneId: "Asia/Tokyo",
    storageState: everyPage.storageState,
  });
  const page = await phone.newPage();
  try {
    await page.goto(`/companies/${everyPage.data.longCompanyId}`);
    const triggers = page.getByRole("button", { name: /^Actions for / });
    await expect(triggers).toHaveCount(4);
    for (let i = 0; i < 4; i++) {
      await triggers.nth(i).click();
      const menu = page.getByRole("menu");
      await expect(menu).toBeVisible();
      const box = (await menu.boundingBox())!;
      expect.soft(box.x, "the menu's left edge").toBeGreaterThanOrEqual(0);
      expect.soft(box.x + box.width, "the menu's right edge").toBeLessThanOrEqual(360);
      await page.keyboard.press("Escape");
      await expect(menu).toBeHidden();
    }
  } finally {
    await phone.close();
  }
});
