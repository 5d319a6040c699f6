import { expect, test } from "@playwright/test";

import { fieldErrors, newPerson, signUpInBrowser } from "./fixtures";

test("a visitor who is not signed in is sent to sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in to Caseward" })).toBeVisible();
});

test("a person signs up, records a company, a case and a contact, then signs out and back in", async ({
  page,
}) => {
  const person = await signUpInBrowser(page, newPerson("Maya Chen"));
  await expect(page.getByText("Start with a company")).toBeVisible();

  // A company, with its official website.
  await page.getByRole("link", { name: "Add a company" }).click();
  await page.getByLabel("Company name").fill("Air Canada");
  await page.getByLabel("Official website").fill("https://www.aircanada.com");
  await page.getByLabel("Country").fill("CA");
  await page.getByRole("button", { name: "Add company" }).click();
  await expect(page.getByRole("heading", { name: "Air Canada" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Official domains" })).toContainText("aircanada.com");

  // A verified phone number, stored in E.164, and a lookalike email flagged as suspicious.
  const channelForm = page.getByRole("form", { name: "Add a channel" });
  await channelForm.getByLabel("Kind").selectOption("phone");
  await channelForm.getByLabel("Where did you find it?").selectOption("official_website");
  await channelForm.getByLabel("Address, number or place").fill("1 888 247 2262");
  await channelForm.getByLabel("I checked it against an official source just now").check();
  await channelForm.getByRole("button", { name: "Add channel" }).click();
  const ladder = page.getByRole("list", { name: "Channels" });
  await expect(ladder.getByText("1-888-247-2262")).toBeVisible();
  await expect(ladder.getByText("Verified", { exact: true })).toBeVisible();

  await channelForm.getByLabel("Kind").selectOption("email");
  await channelForm.getByLabel("Address, number or place").fill("refunds@aircanada-support.com");
  await channelForm.getByRole("button", { name: "Add channel" }).click();
  await expect(ladder.getByText("Suspicious", { exact: true })).toBeVisible();
  await expect(ladder.getByRole("alert")).toContainText("aircanada.com");

  // An invalid number shows its message beside the field and adds nothing.
  await channelForm.getByLabel("Kind").selectOption("phone");
  await channelForm.getByLabel("Address, number or place").fill("12");
  await channelForm.getByRole("button", { name: "Add channel" }).click();
  await expect(fieldErrors(channelForm)).toHaveText(/not a valid phone number/);
  await expect(ladder.getByRole("listitem")).toHaveCount(2);

  // A case, with the form's own validation first.
  await page.getByRole("button", { name: "Open a case" }).click();
  const dialog = page.getByRole("dialog", { name: "Open a case" });
  await dialog.getByRole("button", { name: "Open case" }).click();
  await expect(fieldErrors(dialog)).toHaveText("Say in a few words what the problem is.");
  await dialog.getByLabel("What is the problem?").fill("Refund for cancelled flight AC 123");
  await dialog.getByLabel("Priority").selectOption("high");
  await dialog.getByRole("button", { name: "Open case" }).click();
  await expect(
    page.getByRole("heading", { name: "Refund for cancelled flight AC 123" }),
  ).toBeVisible();

  // A contact: who, when, the reference number.
  await page.getByRole("button", { name: "Log a past contact" }).click();
  const contactForm = page.getByRole("form", { name: "Log a contact" });
  // The suspicious email heads the ladder (less direct than a phone): the form never starts on it.
  await expect(contactForm.getByLabel("Channel").locator("option:checked")).toHaveText(
    "Phone: 1-888-247-2262",
  );
  await contactForm.getByLabel("Channel").selectOption({ label: "Phone: 1-888-247-2262" });
  await contactForm.getByLabel("Representative's name").fill("Jordan");
  await contactForm.getByLabel("Representative's id").fill("AC-7731");
  await contactForm.getByLabel("Reference or ticket number").fill("RF-2026-0042");
  await contactForm.getByLabel("Outcome").selectOption("waiting_company");
  await contactForm.getByLabel("Notes").fill("Refund approved, 7 to 10 business days.");
  await contactForm.getByRole("button", { name: "Save contact" }).click();
  const timeline = page.getByRole("list", { name: "Contacts" });
  await expect(timeline.getByText("RF-2026-0042")).toBeVisible();
  await expect(timeline.getByText("Jordan (id AC-7731)")).toBeVisible();

  // The dashboard lists it across companies, with status and time since the last contact.
  await page.getByRole("link", { name: "Cases" }).first().click();
  const openCases = page.getByRole("list", { name: "Open cases" });
  const row = openCases.getByRole("link", { name: /Refund for cancelled flight AC 123/ });
  await expect(row).toContainText("Air Canada");
  await expect(row).toContainText("Waiting on company");
  await expect(row).toContainText(/Last contact (just now|\d+ minutes? ago|now)/);

  // The welcome email reached the dev mailbox (worker + BullMQ + nodemailer).
  await page.getByRole("link", { name: "Dev mailbox" }).first().click();
  await expect(page.getByRole("heading", { name: "Dev mailbox" })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Welcome to Caseward", { exact: true })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });

  // Sign out, and the dashboard is closed again.
  await page.getByRole("button", { name: "Account menu" }).first().click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);

  // Wrong password: one message that does not say whether the account exists.
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill("not the right passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByText("That email and password do not match an account.").first(),
  ).toBeVisible();

  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("list", { name: "Open cases" })).toContainText(
    "Refund for cancelled flight AC 123",
  );
});

test("the navigation works on a phone @phone", async ({ page }) => {
  await signUpInBrowser(page, newPerson("Sam Lee"));
  await page.getByRole("button", { name: "Open navigation" }).click();
  await page.getByRole("dialog").getByRole("link", { name: "Companies" }).click();
  await expect(page.getByRole("heading", { name: "Companies", exact: true })).toBeVisible();
});
