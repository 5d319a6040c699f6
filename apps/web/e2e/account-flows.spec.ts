import type { Browser, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { fieldErrors, linkFromMailbox, newPerson, password, signUpInBrowser } from "./fixtures";

async function signInElsewhere(browser: Browser, email: string, pass = password) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(pass);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Cases", exact: true })).toBeVisible();
  return page;
}

async function expectSignedOut(page: Page) {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in to Caseward" })).toBeVisible();
}

test("a new account is asked to confirm its address, and the emailed link does it", async ({
  page,
}) => {
  await signUpInBrowser(page, newPerson("Noor Haddad"));
  const banner = page.getByRole("region", { name: "Verify your email address" });
  await expect(banner).toContainText(
    "Reminders and escalation advice go only to a confirmed address",
  );
  await banner.getByRole("button", { name: "Resend the link" }).click();
  await expect(banner.getByRole("status")).toHaveText(/Sent\. Check your inbox/);

  const link = await linkFromMailbox(
    page,
    "Confirm your email address",
    /https?:\/\/\S+\/api\/auth\/verify-email\?token=[^\s\]]+/,
  );
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Cases", exact: true })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await page.goto("/settings");
  await expect(page.getByText(/You sign in with .* \(confirmed\)/)).toBeVisible();
});

test("forgot password: the emailed link sets a new one and signs out every device", async ({
  page,
  browser,
}) => {
  const person = await signUpInBrowser(page, newPerson("Iris Tremblay"));

  const forgetful = await (await browser.newContext()).newPage();
  await forgetful.goto("/sign-in");
  await forgetful.getByRole("link", { name: "Forgot password?" }).click();
  await expect(forgetful.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await forgetful.getByLabel("Email").fill(person.email);
  await forgetful.getByRole("button", { name: "Email me a link" }).click();
  await expect(forgetful.getByText(/If .* has a Caseward account, a link/)).toBeVisible();

  // The first device is still signed in, so it can read the dev mailbox.
  const link = await linkFromMailbox(
    page,
    "Reset your Caseward password",
    /https?:\/\/\S+\/api\/auth\/reset-password\/[^\s\]]+/,
  );
  await forgetful.goto(link);
  await forgetful.getByLabel("New password", { exact: true }).fill("1qaz2wsx3edc");
  await forgetful.getByRole("button", { name: "Set new password" }).click();
  await expect(fieldErrors(forgetful).filter({ hasText: /10,000 most common/ })).toBeVisible();
  const newPassword = "a brand new passphrase for winter";
  await forgetful.getByLabel("New password", { exact: true }).fill(newPassword);
  await forgetful.getByRole("button", { name: "Set new password" }).click();
  await expect(forgetful.getByText("Every device was signed out.")).toBeVisible();

  await expectSignedOut(page);
  await signInElsewhere(browser, person.email, newPassword);
});

test("where you're signed in: another device is listed and signed out from here", async ({
  page,
  browser,
}) => {
  const person = await signUpInBrowser(page, newPerson("Omar Gagnon"));
  const laptop = await signInElsewhere(browser, person.email);

  await page.goto("/settings");
  const devices = page.getByRole("list", { name: "Signed-in devices" });
  await expect(devices.getByRole("listitem")).toHaveCount(2);
  await expect(devices.getByText("This device")).toHaveCount(1);
  await devices.getByRole("button", { name: /^Sign out / }).click();
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await expectSignedOut(laptop);

  // A password change signs out every other device too.
  const phone = await signInElsewhere(browser, person.email);
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(password);
  await form.getByLabel("New password").fill("yet another long passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(
    form.getByText("Password changed. Your other devices are signed out."),
  ).toBeVisible();
  await expectSignedOut(phone);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings" }).first()).toBeVisible();
});

test("changing the email address asks for the password and tells the old address", async ({
  page,
}) => {
  const person = await signUpInBrowser(page, newPerson("Ana Moreau"));
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Change email address" });
  const newAddress = `ana-new-${Date.now()}@example.test`;
  await form.getByLabel("New email address").fill(newAddress);
  await form.getByLabel("Your password").fill("not my password at all");
  await form.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(fieldErrors(form).filter({ hasText: "That password is not right." })).toBeVisible();

  await form.getByLabel("Your password").fill(person.password);
  await form.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(form.getByText(`We sent a link to ${newAddress}.`)).toBeVisible();
  // The address stays until the link is opened; the old inbox hears of the change at once.
  await expect(page.getByText(`You sign in with ${person.email}`)).toBeVisible();
  const notice = await linkFromMailbox(
    page,
    "Your Caseward email address is being changed",
    /ana-new-\S+@example\.test/,
  );
  expect(notice).toBe(newAddress);
});

// Issue 18, finding 6: an address a client writes in X-Forwarded-For is not believed without
// TRUSTED_PROXIES; the session list shows the connection's own (here, this computer).
test("a session's address is the connection's, not one the browser claims", async ({ browser }) => {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": "203.0.113.66", "x-caseward-client": "198.51.100.9" },
  });
  const page = await context.newPage();
  await signUpInBrowser(page, newPerson("Lena Spoofwright"));
  await page.goto("/settings");
  const devices = page.getByRole("list", { name: "Signed-in devices" });
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await expect(devices).toContainText("This computer");
  await expect(devices).not.toContainText("203.0.113.66");
  await expect(devices).not.toContainText("198.51.100.9");
  await context.close();
});
