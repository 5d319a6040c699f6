import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import {
  fieldErrors,
  hydrated,
  linkFromMailbox,
  mutate,
  newPerson,
  signUpByApi,
  signUpInBrowser,
} from "./fixtures";

// Each test signs up and seeds a case first: allow for a loaded machine.
test.describe.configure({ timeout: 120_000 });

// The browser on one clock, the user's settings on another (America/Toronto by default).
test.use({ timezoneId: "Asia/Tokyo", viewport: { width: 1366, height: 900 } });

/** Where the screenshots of the error states go when SCREENSHOTS is set (looked at by hand). */
async function shot(page: Page, name: string) {
  const folder = process.env.SCREENSHOTS;
  if (!folder) return;
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: false });
}

async function companyWithCase(request: APIRequestContext) {
  const company = await mutate<{ id: string }>(request, "company.create", {
    name: "Rogers",
    website: "rogers.com",
    country: "CA",
  });
  const companyId = company.data!.id;
  await mutate(request, "channel.add", {
    companyId,
    kind: "phone",
    value: "1 888 764 3771",
    provenance: "bill",
    verified: true,
  });
  const opened = await mutate<{ id: string }>(request, "case.open", {
    companyId,
    title: "Internet outage since Monday",
  });
  return { companyId, caseId: opened.data!.id };
}

const drafts = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("caseward:")));

test("a refused contact session shows why beside Save, takes the user to the field, and the message goes once fixed", async ({
  page,
}) => {
  await signUpByApi(page.request, newPerson("Ines Duarte"));
  const { caseId } = await companyWithCase(page.request);
  await page.goto(`/cases/${caseId}/session`);
  const session = page.getByRole("form", { name: "Contact session" });

  // The server's limit, from its schema.
  await expect(session.getByLabel("Reference or ticket number")).toHaveAttribute(
    "maxlength",
    "120",
  );
  await expect(session.getByLabel("Notes")).toHaveAttribute("maxlength", "20000");

  await session.getByLabel("Notes").fill("Paid with 4111 1111 1111 1111 last month.");
  // The Save button is at the bottom; the notes field scrolls out of view first.
  await page.mouse.wheel(0, 5000);
  await session.getByRole("button", { name: "Save contact" }).click();

  const summary = session.locator("[data-form-summary]");
  await expect(summary).toContainText("Not saved: 1 field needs a change.");
  await expect(summary).toContainText("looks like a full card number");
  await expect(session.getByLabel("Notes")).toBeFocused();
  await expect(session.getByLabel("Notes")).toBeInViewport();
  await expect(session.getByLabel("Notes")).toHaveAttribute("aria-invalid", "true");
  await shot(page, "contact-session-error");

  await session.getByRole("button", { name: "Keep only the last digits" }).click();
  await expect(session.getByLabel("Notes")).toHaveValue(
    "Paid with •••• •••• •••• 1111 last month.",
  );
  await expect(session.getByText(/looks like a full card number/)).toHaveCount(0);
  await expect(summary).toHaveCount(0);
  await expect(session.getByLabel("Notes")).not.toHaveAttribute("aria-invalid", "true");
});

test("refused saves of the company, channel, case and settings forms each say why beside the button", async ({
  page,
}) => {
  await signUpByApi(page.request, newPerson("Tomas Berg"));
  const { companyId, caseId } = await companyWithCase(page.request);

  // Company: no name, a website that is not one.
  await page.goto("/companies");
  const company = page.getByRole("form", { name: "Add a company" });
  await company.getByLabel("Official website").fill("not a website");
  await company.getByRole("button", { name: "Add company" }).click();
  await expect(company.locator("[data-form-summary]")).toContainText(
    "Not saved: 2 fields need a change.",
  );
  await expect(company.getByLabel("Company name")).toBeFocused();
  await expect(company.getByLabel("Company name")).toHaveAttribute("maxlength", "120");
  await shot(page, "company-error");
  // Fixing the name takes its message away; the website's stays until it is fixed too.
  await company.getByLabel("Company name").fill("Bell");
  await expect(company.locator("[data-form-summary]")).toContainText("1 field needs a change.");
  await company.getByLabel("Official website").fill("bell.ca");
  await expect(company.locator("[data-form-summary]")).toHaveCount(0);

  // Channel: an empty value.
  await page.goto(`/companies/${companyId}`);
  const channel = page.getByRole("form", { name: "Add a channel" });
  await channel.getByRole("button", { name: "Add channel" }).click();
  await expect(channel.locator("[data-form-summary]")).toBeVisible();
  await expect(channel.locator('[aria-invalid="true"]').first()).toBeFocused();
  await shot(page, "channel-error");

  // Case: resolving needs a closing note.
  await page.goto(`/cases/${caseId}`);
  await page
    .getByRole("button", { name: /^Resolve/ })
    .first()
    .click();
  const resolve = page.getByRole("form", { name: "Resolve the case" });
  await resolve.getByRole("button", { name: "Resolve case" }).click();
  await expect(resolve.locator("[data-form-summary]")).toBeVisible();
  await expect(resolve.getByLabel("How did it end?")).toBeFocused();
  await shot(page, "case-resolve-error");
  await page.keyboard.press("Escape");

  // Settings: a response window longer than the server allows.
  await page.goto("/settings");
  const settings = page.getByRole("form", { name: "Region" });
  await settings.getByLabel("Answer expected within").fill("99");
  await settings.getByRole("button", { name: "Save", exact: true }).click();
  await expect(settings.locator("[data-form-summary]")).toBeVisible();
  await expect(settings.getByLabel("Answer expected within")).toBeFocused();
  await shot(page, "settings-error");
});

test("refused saves of the privacy, breach, suspicious-channel, deadline and email forms each say why beside the button", async ({
  page,
}) => {
  await signUpByApi(page.request, newPerson("Aiko Tanaka"));
  const { companyId, caseId } = await companyWithCase(page.request);
  const summaryOf = (form: Locator) => form.locator("[data-form-summary]");

  // Privacy checklist: an answer whose source is not a web address.
  await page.goto(`/companies/${companyId}/privacy`);
  const checklist = page.getByRole("form", { name: "Privacy checklist" });
  await hydrated(page, checklist);
  await checklist.getByRole("radio", { name: "Yes" }).nth(1).check();
  const source = checklist.getByLabel("Where you read it");
  await expect(source).toHaveAttribute("maxlength", "2000");
  await source.fill("their privacy page");
  await checklist.getByRole("button", { name: "Save checklist" }).click();
  await expect(summaryOf(checklist)).toContainText("Not saved: 1 field needs a change.");
  await expect(summaryOf(checklist)).toContainText("Question 2: Give a web address");
  await expect(source).toBeFocused();
  await expect(source).toBeInViewport();
  await expect(fieldErrors(checklist)).toHaveText(/Give a web address starting with https:\/\//);
  await shot(page, "privacy-checklist-error");
  await source.fill("https://example.com/privacy");
  await expect(fieldErrors(checklist)).toHaveCount(0);
  await expect(summaryOf(checklist)).toHaveCount(0);

  // Breach report: nothing filled in.
  const breach = page.getByRole("form", { name: "Report a breach" });
  await expect(breach.getByLabel("Where you learned of it")).toHaveAttribute("maxlength", "500");
  await breach.getByRole("button", { name: "Mark as breached" }).click();
  await expect(summaryOf(breach)).toContainText("Not saved: 2 fields need a change.");
  await expect(breach.getByLabel("Date of the breach")).toBeFocused();
  await breach.getByLabel("Date of the breach").fill("2026-01-15");
  await expect(summaryOf(breach)).toContainText("Not saved: 1 field needs a change.");
  await expect(fieldErrors(breach)).toHaveCount(1);
  await breach.getByLabel("Where you learned of it").fill("The company's letter");
  await expect(summaryOf(breach)).toHaveCount(0);

  // Report as suspicious: no reason given.
  await page.goto(`/companies/${companyId}`);
  await hydrated(page);
  await page
    .getByRole("button", { name: /^Actions for / })
    .first()
    .click();
  await page.getByRole("menuitem", { name: "Report as suspicious" }).click();
  const report = page.getByRole("form", { name: "Report as suspicious" });
  const reason = report.getByLabel("What made you doubt it?");
  await expect(reason).toHaveAttribute("maxlength", "300");
  await report.getByRole("button", { name: "Report as suspicious" }).click();
  await expect(summaryOf(report)).toBeVisible();
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await shot(page, "report-suspicious-error");
  await reason.fill("A caller from it asked for my PIN.");
  await expect(summaryOf(report)).toHaveCount(0);
  await expect(reason).not.toHaveAttribute("aria-invalid", "true");
  await page.keyboard.press("Escape");

  // The case's own response window: less than the half day the server allows.
  await page.goto(`/cases/${caseId}`);
  const window = page.getByRole("form", { name: "Response window on this case" });
  await hydrated(page, window);
  const days = window.getByLabel(/expect an answer within/);
  await days.fill("0.2");
  await window.getByRole("button", { name: "Set" }).click();
  await expect(fieldErrors(window)).toHaveText("Give the company at least half a business day.");
  await expect(days).toBeFocused();
  await days.fill("3");
  await expect(summaryOf(window)).toHaveCount(0);

  // Email address: not an address, and no password.
  await page.goto("/settings");
  const email = page.getByRole("form", { name: "Change email address" });
  await hydrated(page, email);
  await email.getByLabel("New email address").fill("aiko at example");
  await email.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(summaryOf(email)).toContainText("Not saved: 2 fields need a change.");
  await expect(email.getByLabel("New email address")).toBeFocused();
  await expect(email.getByLabel("New email address")).toHaveAttribute("maxlength", "254");
  await shot(page, "email-address-error");
  await email.getByLabel("New email address").fill("aiko@example.com");
  await expect(summaryOf(email)).toContainText("1 field needs a change.");
  await expect(fieldErrors(email)).toHaveText("Fill in the password.");
});

test("the dashboard's new-case form brings its words when opened, and says so when it cannot", async ({
  page,
  browser,
  baseURL,
}) => {
  await signUpByApi(page.request, newPerson("Ada Okafor"));
  await companyWithCase(page.request);

  // The page gives the button's and the dialog's words, not the form's.
  const html = await (await page.request.get("/")).text();
  expect(html).toContain("One case per problem with one company.");
  expect(html).not.toContain("What is the problem?");

  await page.goto("/");
  await hydrated(page);
  await page.getByRole("button", { name: "Open a case" }).click();
  const dialog = page.getByRole("dialog", { name: "Open a case" });
  await expect(dialog.getByLabel("Company")).toBeVisible();
  await expect(dialog.getByLabel("What is the problem?")).toBeVisible();
  await expect(dialog.getByLabel("Priority").locator("option")).toHaveText([
    "High",
    "Normal",
    "Low",
  ]);
  await expect(dialog.getByLabel("Details")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Open case" })).toBeVisible();

  // Offline when it is first wanted: the chunk of its words (the one with its submit button's
  // key) never arrives, and the dialog says so instead of staying empty.
  const context = await browser.newContext({
    baseURL,
    storageState: await page.context().storageState(),
  });
  const offline = await context.newPage();
  await offline.route("**/_next/static/chunks/**", async (route) => {
    const response = await route.fetch();
    if ((await response.text()).includes("openCaseSubmit")) await route.abort();
    else await route.fulfill({ response });
  });
  await offline.goto("/");
  await hydrated(offline);
  await offline.getByRole("button", { name: "Open a case" }).click();
  await expect(offline.getByRole("dialog", { name: "Open a case" }).getByRole("alert")).toHaveText(
    "The form could not be loaded. Check your connection, then reload the page.",
  );
  await context.close();
});

test("no zod or library wording reaches a person whose input is refused", async ({ page }) => {
  await signUpByApi(page.request, newPerson("Lena Vogt"));
  const { caseId } = await companyWithCase(page.request);
  for (const [path, input] of [
    ["contact.log", { caseId }],
    ["case.open", {}],
    ["company.create", { name: 42 }],
    ["question.add", { caseId, text: null }],
    ["settings.update", { timeZone: 3 }],
  ] as const) {
    const answer = await mutate(page.request, path, input);
    expect(answer.status, path).toBe(400);
    const messages = [
      answer.error!.message,
      ...Object.values(answer.error!.data.fieldErrors ?? {}).flat(),
    ];
    for (const message of messages) {
      expect(message, path).not.toMatch(/Invalid input|expected \w+, received|Too (big|small)/);
      expect(message, path).toMatch(/^[A-Z].*[.?!…]$/);
    }
  }
});

// `next start` without a host listens on every address, IPv6 too: [::1] is the same app.
for (const host of ["127.0.0.1", "[::1]"]) {
  test(`sign-up works when the app is opened at ${host} instead of localhost`, async ({
    browser,
    baseURL,
  }) => {
    const loopback = baseURL!.replace("localhost", host);
    const context = await browser.newContext({ baseURL: loopback, timezoneId: "Asia/Tokyo" });
    const page = await context.newPage();
    await signUpInBrowser(page, newPerson("Ola Nordmann"));
    expect(page.url().startsWith(`${loopback}/`), page.url()).toBe(true);
    // Its own device shows as this computer, not as 0000:0000:…
    await page.goto("/settings");
    const devices = page.getByRole("list", { name: "Signed-in devices" });
    await expect(devices).toContainText("This computer");
    await expect(devices).not.toContainText("0000:");
    await context.close();
  });
}

test("confirming the address says so, the mailbox links work, and the app has an icon", async ({
  page,
}) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await signUpInBrowser(page, newPerson("Ruth Abebe"));
  // The worker writes the email in its own time: a loaded machine may take a while.
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(
      page.getByRole("listitem").filter({ hasText: "Confirm your email address" }),
    ).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const link = await linkFromMailbox(
    page,
    "Confirm your email address",
    /https?:\/\/\S+\/api\/auth\/verify-email\?token=[^\s\]]+/,
  );
  // The dev mailbox shows the link as a link.
  const anchor = page.locator("pre a").filter({ hasText: "/api/auth/verify-email" }).first();
  await expect(anchor).toHaveAttribute("href", link);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await shot(page, "dev-mailbox");

  await anchor.click();
  await expect(page.getByText("Your email address is confirmed.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Verify your email address" })).toHaveCount(0);
  await shot(page, "email-confirmed");

  const icon = page.locator('link[rel="icon"]').first();
  const href = await icon.getAttribute("href");
  expect(href).toMatch(/icon/);
  expect((await page.request.get(href!)).status()).toBe(200);
  expect(missing).toEqual([]);
});

test("signing out removes the contact-session drafts kept in this browser", async ({ page }) => {
  await signUpByApi(page.request, newPerson("Kofi Mensah"));
  const { caseId } = await companyWithCase(page.request);
  await page.goto(`/cases/${caseId}/session`);
  await page.getByLabel("Notes").fill("Asked for the outage credit.");
  await expect.poll(() => drafts(page)).toEqual([`caseward:session:${caseId}`]);

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await drafts(page)).toEqual([]);
});

test("deleting the account says so on the sign-in page and leaves no draft behind", async ({
  page,
}) => {
  const person = await signUpByApi(page.request, newPerson("Mira Patel"));
  const { caseId } = await companyWithCase(page.request);
  await page.goto(`/cases/${caseId}/session`);
  await page.getByLabel("Notes").fill("Called about the bill.");
  await expect.poll(() => drafts(page)).toHaveLength(1);

  await page.goto("/settings");
  await page.getByRole("button", { name: "Delete my account" }).click();
  const confirm = page.getByRole("form", { name: "Delete my account" });
  await confirm.getByLabel("Your password").fill(person.password);
  await confirm.getByRole("button", { name: "Delete everything" }).click();
  await expect(page).toHaveURL(/\/sign-in\?account=deleted/);
  await expect(page.getByText("Your account and everything in it were deleted.")).toBeVisible();
  expect(await drafts(page)).toEqual([]);
  await shot(page, "account-deleted");
});

test.describe("at phone width", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("a refused contact session says why in the bar beside Save @phone", async ({ page }) => {
    await signUpByApi(page.request, newPerson("Nia Okafor"));
    const { caseId } = await companyWithCase(page.request);
    await page.goto(`/cases/${caseId}/session`);
    const session = page.getByRole("form", { name: "Contact session" });
    await session.getByLabel("Reference or ticket number").fill("4111 1111 1111 1111");
    await session.getByRole("button", { name: "Save contact" }).click();
    await expect(session.locator("[data-form-summary]")).toBeVisible();
    await expect(session.getByLabel("Reference or ticket number")).toBeFocused();
    await shot(page, "contact-session-error");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });

  test("a refused sign-up says why beside the button and focuses the field @phone", async ({
    page,
  }) => {
    await page.goto("/sign-up");
    await page.getByRole("button", { name: "Create account" }).click();
    const form = page.locator("form").filter({ has: page.getByLabel("Your name") });
    await expect(form.locator("[data-form-summary]")).toBeVisible();
    await expect(page.getByLabel("Your name")).toBeFocused();
    await expect(page.getByLabel("Your name")).toHaveAttribute("maxlength", "80");
    await shot(page, "sign-up-error");
    await page.getByLabel("Your name").fill("Ana");
    await expect(page.getByLabel("Your name")).not.toHaveAttribute("aria-invalid", "true");
  });
});
