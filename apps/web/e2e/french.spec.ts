import { readdirSync, readFileSync } from "node:fs";

import type { CoreMessages } from "@caseward/core";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import type webMessages from "../messages/en";
import { logUnansweredEmail, seedQuietCompany } from "./escalation-steps";
import { confirmEmailFromMailbox, hydrated, must, newPerson } from "./fixtures";
import { overflow, seriousViolations } from "./page-checks";

// Issue 20: the main flow for a person whose browser speaks Canadian French. The expected words
// come from the catalogues (not copied here), so the spec follows the wording.

/** A catalogue as the pages see it: every namespace file of a folder (read, not imported: JSON). */
function catalogue(folder: string) {
  const dir = new URL(folder, import.meta.url);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith(".json"))
      .map((file) => [
        file.replace(/\.json$/, ""),
        JSON.parse(readFileSync(new URL(file, `${dir.href}/`), "utf8")) as unknown,
      ]),
  );
}
const en = catalogue("../messages/en") as typeof webMessages;
const fr = catalogue("../messages/fr-CA") as typeof webMessages;
const core = {
  en: catalogue("../../../packages/core/src/i18n/messages/en") as CoreMessages,
  "fr-CA": catalogue("../../../packages/core/src/i18n/messages/fr-CA") as CoreMessages,
};
const vocabulary = core["fr-CA"].Vocabulary;

type Catalogue = { [key: string]: string | Catalogue | undefined };
/** A message by its dotted key in core's catalogue, or undefined while it does not exist. */
function coreMessage(locale: "en" | "fr-CA", key: string): string | undefined {
  let node: string | Catalogue | undefined = core[locale];
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}
/** The longest fixed part of an ICU message (what any rendering of it contains). */
const fixedPart = (message: string) =>
  message
    .split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/)
    .map((part) => part.trim())
    .sort((a, b) => b.length - a.length)[0] ?? "";

/** Signs up through the French sign-up form; lands on the dashboard. */
async function signUpInFrench(page: Page, person = newPerson("Elise Tremblay")) {
  await page.goto("/sign-up");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
  await hydrated(page);
  const form = page
    .locator("form")
    .filter({ has: page.getByLabel(fr.Auth.email, { exact: true }) });
  await form.getByLabel(fr.Auth.name, { exact: true }).fill(person.name);
  await form.getByLabel(fr.Auth.email, { exact: true }).fill(person.email);
  await form.getByLabel(fr.Auth.password, { exact: true }).fill(person.password);
  await form.getByRole("button", { name: fr.Auth.signUpButton }).click();
  await expect(page.getByRole("link", { name: fr.Nav.settings })).toBeVisible();
  return person;
}

/** Confirms the sign-up email (whatever its language): the banner's words are French. */
const confirmEmail = (page: Page) =>
  confirmEmailFromMailbox(page, { email: "/api/auth/verify-email", banner: fr.Shell.verifyTitle });

test.describe("a browser that asks for Canadian French", () => {
  test.use({ locale: "fr-CA", timezoneId: "America/Vancouver" });

  test("signs up in French and finds the frame, the banner and the settings in French", async ({
    page,
  }) => {
    await signUpInFrench(page);
    const nav = page.getByRole("navigation", { name: fr.Nav.mainNavigation }).first();
    for (const key of ["cases", "companies", "insights", "privacy", "settings"] as const) {
      await expect(nav.getByRole("link", { name: fr.Nav[key] })).toBeVisible();
    }
    await expect(page.getByRole("group", { name: fr.Nav.theme })).toBeVisible();
    await expect(page.getByRole("button", { name: fr.Nav.systemTheme })).toBeVisible();
    // Not confirmed yet: the banner says so in French.
    const banner = page.getByRole("region", { name: fr.Shell.verifyTitle });
    await expect(banner.getByRole("button", { name: fr.Shell.resend })).toBeVisible();

    await confirmEmail(page);
    await page.goto("/settings");
    await expect(page).toHaveTitle(`${fr.Settings.title} · Caseward`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.Settings.title);
    const region = page.getByRole("form", { name: fr.Settings.regionForm });
    await expect(region.getByLabel(fr.Settings.language, { exact: true })).toHaveValue("fr-CA");
    await expect(region.getByRole("button", { name: fr.Common.save })).toBeVisible();
    for (const title of [
      fr.Settings.calendarTitle,
      fr.SettingsAccount.inboundTitle,
      fr.SettingsAccount.sendersTitle,
      fr.SettingsAccount.emailTitle,
      fr.SettingsSecurity.passwordTitle,
      fr.SettingsSecurity.twoFactorTitle,
      fr.SettingsSecurity.sessionsTitle,
      fr.SettingsSecurity.activityTitle,
      fr.SettingsAccount.dataTitle,
    ]) {
      await expect(page.getByText(title, { exact: true }).first()).toBeVisible();
    }
    await expect(page.getByText(fr.SettingsSecurity.thisDevice, { exact: true })).toBeVisible();
    // The form's summary speaks French too (the shared Forms words).
    const password = page.getByRole("form", { name: fr.SettingsSecurity.changePasswordForm });
    await password.getByRole("button", { name: fr.SettingsSecurity.changePassword }).click();
    // An empty field gets core's French "fill in this field" (zod's own words never show).
    const validation = core["fr-CA"].Validation;
    const fillIn = validation.patterns.fillIn.replace("{field}", validation.fields.thisField);
    await expect(password.getByText(fillIn).first()).toBeVisible();
    // No English left where the words are this branch's.
    for (const english of [en.Settings.whereYouLive, en.SettingsSecurity.twoFactorTitle]) {
      await expect(page.getByText(english, { exact: true })).toHaveCount(0);
    }

    // On a phone, in French (about 20% longer), nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.Settings.title);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.getByRole("button", { name: fr.Nav.openNavigation }).click();
    await expect(page.getByRole("button", { name: fr.Nav.closeNavigation })).toBeVisible();
  });

  test("shows the dashboard's filters whole in French, on a laptop and on a phone", async ({
    page,
  }, testInfo) => {
    await signUpInFrench(page, newPerson("Remi Gagnon"));
    // The user's clock (Toronto) is not the browser's (Vancouver).
    await must(page.request, "settings.update", {
      locale: "fr-CA",
      timeZone: "America/Toronto",
      country: "CA",
      subdivision: "QC",
    });
    const company = await must<{ id: string }>(page.request, "company.create", {
      name: "Vidéotron",
      website: "videotron.com",
      country: "CA",
    });
    await must(page.request, "case.open", { companyId: company.id, title: "Facture en double" });
    for (const [width, height] of [
      [1366, 900],
      [360, 740],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto("/");
      const filters = page.getByRole("search", { name: fr.DashboardFilters.label });
      const companies = filters.getByLabel(fr.DashboardFilters.company, { exact: true });
      await expect(companies).toHaveValue("");
      // Each filter's chosen words fit its box ("Toutes les entreprises" was cut at 1366 px).
      const cut = await filters.locator("select").evaluateAll((selects) =>
        (selects as HTMLSelectElement[])
          .map((select) => {
            const style = getComputedStyle(select);
            const context = document.createElement("canvas").getContext("2d")!;
            context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const text = select.selectedOptions[0]?.text ?? "";
            const room =
              select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            return { text, need: Math.ceil(context.measureText(text).width), room };
          })
          .filter(({ need, room }) => need > room),
      );
      expect(cut, `${width} px`).toEqual([]);
      expect(await overflow(page), `${width} px`).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page), `${width} px`).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`dashboard-fr-${width}.png`) });
    }
  });

  test("asks for a password reset in French", async ({ page }) => {
    await page.goto("/forgot-password");
    await expect(page).toHaveTitle(`${fr.PasswordReset.forgotTitle} · Caseward`);
    await hydrated(page);
    const form = page.getByRole("form", { name: fr.PasswordReset.forgotTitle });
    await form.getByRole("button", { name: fr.PasswordReset.emailMeLink }).click();
    await expect(form.getByText(fr.PasswordReset.emailInvalid).first()).toBeVisible();
    await page.goto("/reset-password");
    await expect(page.getByText(fr.PasswordReset.brokenLinkTitle)).toBeVisible();
    await expect(page.getByRole("link", { name: fr.PasswordReset.backToSignIn })).toBeVisible();
  });

  // The parts after the settings are other branches' pages and core's emails (issue 20):
  // the case page, the contact session and the escalation email speak French once merged.
  test("follows the main flow in French: company, case, contact session, escalation email", async ({
    page,
  }) => {
    await signUpInFrench(page, newPerson("Lea Roy"));
    await confirmEmail(page);
    // Quebec, no quiet hours: the email goes out as soon as the timer fires.
    const quiet = await seedQuietCompany(page.request, {
      locale: "fr-CA",
      company: "Vidéotron",
      supportEmail: "soutien@videotron.com",
      caseTitle: "Surfacturation depuis le déménagement",
    });
    const { companyId, caseId } = quiet;
    await page.goto(`/companies/${companyId}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
    await expect(page.getByText(vocabulary.channelKind.phone).first()).toBeVisible();

    await page.goto(`/cases/${caseId}`);
    await expect(page.getByText(vocabulary.caseStatus.open).first()).toBeVisible();

    // The contact session, in French: the channels by their French names.
    await page.goto(`/cases/${caseId}/session`);
    await expect(page.getByText(vocabulary.channelKind.phone).first()).toBeVisible();

    // French runs about 20% longer than English: on a phone, no page of the flow scrolls sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [
      `/companies/${companyId}`,
      `/cases/${caseId}`,
      `/cases/${caseId}/session`,
    ]) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(360);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    // A written contact ten days ago, never answered: its response window is long past.
    await logUnansweredEmail(page.request, quiet);

    await expect(async () => {
      await page.goto(`/cases/${caseId}`);
      await expect(page.getByText(vocabulary.caseStatus.escalation_due).first()).toBeVisible({
        timeout: 1_000,
      });
    }).toPass({ timeout: 30_000 });

    // The escalation email, in French: subject and body from core's French catalogue.
    // (Keys as core's email namespace names them: adapt here if they differ.)
    const subject = coreMessage("fr-CA", "Email.escalation.subject");
    const body = coreMessage("fr-CA", "Email.escalation.waited");
    const englishSubject = coreMessage("en", "Email.escalation.subject");
    expect(subject, "core's French escalation subject (Email.escalation.subject)").toBeDefined();
    expect(body, "core's French escalation text (Email.escalation.waited)").toBeDefined();
    await expect(async () => {
      await page.goto("/dev/mailbox");
      const message = page.getByRole("listitem").filter({ hasText: "Vidéotron" }).first();
      await expect(message).toContainText(fixedPart(subject!), { timeout: 1_000 });
      await message.locator("summary").click({ timeout: 1_000 });
      await expect(message.locator("pre")).toContainText(fixedPart(body!), { timeout: 1_000 });
      await expect(message).not.toContainText(fixedPart(englishSubject!));
    }).toPass({ timeout: 30_000 });
  });
});
