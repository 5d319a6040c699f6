import { expect, test } from "@playwright/test";

import { hydrated, newPerson, signUpByApi } from "./fixtures";

// Issue 20, first slice: the language before sign-in (Accept-Language, the switch) and after
// (the Language setting).
test.describe("a browser that asks for Canadian French", () => {
  test.use({ locale: "fr-CA" });

  test("gets the API's refusals in French, and English when it asks for English", async ({
    request,
  }) => {
    const feed = "/api/calendar/not-a-real-calendar-token-0123456789";
    const french = await request.get(feed, { headers: { "accept-language": "fr-CA,fr;q=0.9" } });
    expect(french.status()).toBe(404);
    expect(await french.json()).toEqual({ error: "Lien de calendrier inconnu ou révoqué." });
    const english = await request.get(feed, { headers: { "accept-language": "en-CA" } });
    expect(await english.json()).toEqual({ error: "Unknown or revoked calendar link." });
  });

  test("sees the sign-in page in French, and the switch goes back to English and again to French", async ({
    page,
  }) => {
    await page.goto("/sign-in");
    const html = page.locator("html");
    const heading = page.getByRole("heading", { level: 1 });
    await expect(html).toHaveAttribute("lang", "fr-CA");
    await expect(page).toHaveTitle("Connexion · Caseward");
    await expect(heading).toHaveText("Connexion à Caseward");
    await expect(page.getByLabel("Courriel", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Se connecter" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Mot de passe oublié?" })).toBeVisible();

    await hydrated(page);
    await page.getByRole("button", { name: "English" }).click();
    await expect(html).toHaveAttribute("lang", "en");
    await expect(heading).toHaveText("Sign in to Caseward");
    await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "English" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    // The choice is kept (a cookie) over the browser's language, on the next page too.
    await page.goto("/sign-up");
    await expect(html).toHaveAttribute("lang", "en");
    await expect(heading).toHaveText("Create your account");

    // French again: the client-side validation speaks it too.
    await hydrated(page);
    await page.getByRole("button", { name: "Français" }).click();
    await expect(heading).toHaveText("Créez votre compte");
    await page.getByRole("button", { name: "Créer le compte" }).click();
    await expect(page.getByText("Entrez une adresse courriel valide.").first()).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, locale: "en-CA" });

  test("the sign-in page's switch still changes the language", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion à Caseward");
  });
});

test("the Language setting turns the app's navigation French, whatever the browser asks for", async ({
  page,
}) => {
  await expect(() => signUpByApi(page.request, newPerson("Elise Roy"))).toPass({
    intervals: [2_000],
    timeout: 30_000,
  });
  await page.goto("/settings");
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const region = page.getByRole("form", { name: "Region" });
  await region.getByLabel("Language", { exact: true }).selectOption("fr-CA");
  await region.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
  const nav = page.getByRole("navigation").first();
  await expect(nav.getByRole("link", { name: "Paramètres" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dossiers" })).toBeVisible();

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
  await expect(page.getByLabel("Langue", { exact: true })).toHaveValue("fr-CA");
});
