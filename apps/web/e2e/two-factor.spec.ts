import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { totpCode } from "@caseward/auth/testing";

import { newPerson, signUpInBrowser } from "./fixtures";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

async function signInWithPassword(page: Page, person: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
}

test("a person turns on two-factor sign-in, signs in with a code and with a backup code, and sees it in the security activity", async ({
  page,
}) => {
  const person = await signUpInBrowser(page, newPerson("Ines Duarte"));
  await page.goto("/settings");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const confirmPassword = page.getByRole("form", { name: "Confirm with your password" });
  await confirmPassword.getByLabel("Your password").fill(person.password);
  await confirmPassword.getByRole("button", { name: "Continue" }).click();

  // The QR code is inline SVG; the setup key is its secret, typed in groups of four.
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByLabel("Setup key").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32,}$/);
  const scan = page.getByRole("form", { name: "Confirm your authenticator app" });
  await scan.getByLabel("6-digit code from the app").fill("000000");
  await scan.getByRole("button", { name: "Turn on" }).click();
  await expect(scan.getByText("That code is not right.")).toBeVisible();
  await scan.getByLabel("6-digit code from the app").fill(totpCode(secret));
  await scan.getByRole("button", { name: "Turn on" }).click();

  const list = page.getByRole("list", { name: "Backup codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download codes" }).click();
  expect((await download).suggestedFilename()).toBe("caseward-backup-codes.txt");
  await page.getByRole("button", { name: "I saved them" }).click();
  await expect(page.getByText("On: signing in asks for a code")).toBeVisible();

  // Signing in now takes the password and then a code from the app.
  await signOut(page);
  await signInWithPassword(page, person);
  await page.getByLabel("6-digit code").fill("123456");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That code is not right.")).toBeVisible();
  await page.getByLabel("6-digit code").fill(totpCode(secret));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Cases", exact: true })).toBeVisible();

  // Or with a backup code, once.
  await signOut(page);
  await signInWithPassword(page, person);
  await page.getByRole("button", { name: "Use a backup code" }).click();
  await page.getByLabel("Backup code").fill(codes[0]!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Cases", exact: true })).toBeVisible();

  await page.goto("/settings");
  const activity = page.getByRole("table", { name: "Security activity, newest first" });
  const rows = activity.getByRole("row");
  await expect(rows.nth(1)).toContainText("Signed in with a backup code");
  // Playwright's desktop Chrome says Windows in its User-Agent; the browser runs on Linux.
  await expect(rows.nth(1)).toContainText(/Chrome on (Windows|Linux)/);
  await expect(rows.nth(1)).toContainText("This network");
  await expect(rows.nth(2)).toContainText("Used a backup code");
  await expect(rows.nth(3)).toContainText("Signed in with an authenticator code");
  await expect(rows.nth(4)).toContainText("Failed sign-in (wrong authenticator code)");
  await expect(rows.nth(5)).toContainText("Turned on two-factor sign-in");
  await expect(rows).toHaveCount(6);
});
