// A link that needs a session, opened signed out (the sender-address confirmation, opened from
// the email on another device): sign-in comes first, then the link itself. A `next` that
// points anywhere but this site is ignored.
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { hydrated, linkFromMailbox, mutate, newPerson, signUpByApi } from "./fixtures";

async function signIn(page: Page, email: string, password: string) {
  const form = page.locator("form").filter({ has: page.getByLabel("Email") });
  await hydrated(page, form);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a sender-address link opened signed out: sign in, then back on the link to confirm it", async ({
  page,
}) => {
  const person = await signUpByApi(page.request, newPerson("Noor Haddad"));
  const work = `noor.${Date.now()}@work-example.com`;
  await mutate(page.request, "settings.addSenderAddress", { address: work });
  const link = await linkFromMailbox(
    page,
    "Confirm an address you send from",
    /https?:\/\/\S+\/settings\/sender-address\?token=[A-Za-z0-9_-]+/,
  );
  const token = new URL(link).searchParams.get("token")!;

  // Signed out (another browser, say), the link leads to sign-in, which remembers it.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  expect(new URL(page.url()).searchParams.get("next")).toBe(
    `/settings/sender-address?token=${token}`,
  );
  await signIn(page, person.email, person.password);

  await expect(page).toHaveURL(new RegExp(`/settings/sender-address\\?token=${token}$`));
  await hydrated(page);
  await expect(page.getByText(`Confirm ${work} as an address you send mail from?`)).toBeVisible();
  await page.getByRole("button", { name: "Confirm this address" }).click();
  await expect(page.getByText(`${work} is confirmed.`)).toBeVisible();
});

for (const next of [
  "https://evil.example/settings",
  "//evil.example/settings",
  "/\\evil.example",
]) {
  test(`sign-in ignores a next that leaves the site (${next}) and opens the cases`, async ({
    page,
  }) => {
    const person = await signUpByApi(page.request, newPerson("Ari Lev"));
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await signIn(page, person.email, person.password);
    await expect(page.getByRole("heading", { name: "Cases", exact: true })).toBeVisible();
    expect(page.url()).not.toContain("evil.example");
  });
}
