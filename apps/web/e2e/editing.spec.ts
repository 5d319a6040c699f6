import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { fieldErrors, mutate, newPerson, query, signUpInBrowser } from "./fixtures";

/** A tRPC mutation through the page's session that must succeed; its data. */
async function must<T>(request: APIRequestContext, path: string, input: unknown) {
  const answer = await mutate<T>(request, path, input);
  expect(answer.status, `${path}: ${answer.raw}`).toBe(200);
  return answer.data!;
}

/** Nothing in this file may fall back to the browser's own prompt or confirm boxes. */
function refuseBrowserDialogs(page: Page) {
  page.on("dialog", (dialog) => {
    throw new Error(`A browser dialog opened: ${dialog.message()}`);
  });
}

test("a person gives a bank two official domains: a channel on the second is ok, a lookalike of it is flagged", async ({
  page,
}) => {
  await signUpInBrowser(page, newPerson("Nadia Roy"));
  await page.goto("/companies");
  const addCompany = page.getByRole("form", { name: "Add a company" });
  await addCompany.getByLabel("Company name").fill("RBC");
  await addCompany.getByLabel("Official website").fill("https://www.rbc.com");
  await addCompany.getByLabel("Where did you find the website?").selectOption("card_back");
  await addCompany.getByRole("button", { name: "Add company" }).click();
  await expect(page.getByRole("heading", { name: "RBC" })).toBeVisible();

  // The bank's emails come from its second brand's domain: off its only domain, suspicious.
  const channelForm = page.getByRole("form", { name: "Add a channel" });
  const ladder = page.getByRole("list", { name: "Channels" });
  await channelForm.getByLabel("Kind").selectOption("email");
  await channelForm.getByLabel("Where did you find it?").selectOption("statement");
  await channelForm.getByLabel("Address, number or place").fill("help@rbcroyalbank.com");
  await channelForm.getByRole("button", { name: "Add channel" }).click();
  await expect(channelForm.getByText("Added, but marked suspicious")).toBeVisible();
  await expect(ladder.getByText("Suspicious", { exact: true })).toBeVisible();

  // The second domain, with where it was found: the channel on it is no longer suspicious.
  const domainForm = page.getByRole("form", { name: "Add an official domain" });
  await domainForm.getByLabel("Another official domain").fill("rbcroyalbank.com");
  await domainForm.getByLabel("Where did you find it?").selectOption("statement");
  await domainForm.getByRole("button", { name: "Add domain" }).click();
  const domains = page.getByRole("list", { name: "Official domains" });
  await expect(domains.getByRole("listitem")).toHaveCount(2);
  await expect(domains.getByLabel("Where you found rbcroyalbank.com")).toHaveValue("statement");
  await expect(page.getByText("Official domains: rbc.com, rbcroyalbank.com")).toBeVisible();
  await expect(page.getByText("1 channel no longer suspicious")).toBeVisible();
  await expect(ladder.getByRole("listitem")).toHaveCount(1);
  await expect(ladder.getByText("Not verified", { exact: true })).toBeVisible();
  await expect(ladder.getByText("Suspicious", { exact: true })).toHaveCount(0);

  // A lookalike of the second domain is flagged, and says which domain it imitates.
  await channelForm.getByLabel("Kind").selectOption("web_form");
  await channelForm.getByLabel("Address, number or place").fill("https://rbcroyalbamk.com/login");
  await channelForm.getByRole("button", { name: "Add channel" }).click();
  await expect(channelForm.getByRole("alert")).toContainText(
    "rbcroyalbamk.com looks like rbcroyalbank.com",
  );
  await expect(ladder.getByText("Suspicious", { exact: true })).toHaveCount(1);

  // A second company on one of those domains is probably the same bank: the form says so.
  await page.goto("/companies");
  await addCompany.getByLabel("Company name").fill("Royal Bank");
  await addCompany.getByLabel("Official website").fill("www.rbcroyalbank.com/accounts");
  const warning = addCompany.getByRole("alert");
  await expect(warning).toContainText("You already have a company on rbcroyalbank.com");
  await warning.getByRole("link", { name: "RBC" }).click();
  await expect(page.getByRole("heading", { name: "RBC" })).toBeVisible();
});

test("a person edits a channel, and reports another as suspicious in a dialog", async ({
  page,
}) => {
  refuseBrowserDialogs(page);
  await signUpInBrowser(page, newPerson("Omar Haddad"));
  const company = await must<{ id: string }>(page.request, "company.create", {
    name: "Bell",
    website: "bell.ca",
    country: "CA",
  });
  await must(page.request, "channel.add", {
    companyId: company.id,
    kind: "phone",
    value: "1 866 310 2355",
    provenance: "bill",
    verified: true,
  });
  await must(page.request, "channel.add", {
    companyId: company.id,
    kind: "email",
    value: "support@bell.ca",
    provenance: "official_website",
  });
  await must(page.request, "channel.add", {
    companyId: company.id,
    kind: "email",
    value: "billing@bell.ca",
    provenance: "bill",
    verified: true,
  });
  await must(page.request, "channel.add", {
    companyId: company.id,
    kind: "web_form",
    value: "https://www.bell.ca/support/contact",
    provenance: "official_website",
    verified: true,
  });
  await page.goto(`/companies/${company.id}`);
  const ladder = page.getByRole("list", { name: "Channels" });

  // Written as people write it and dialled from the phone; a verified address opens the mail
  // program, a web form its own tab; an unverified address is no link.
  await expect(ladder.getByRole("link", { name: "1-866-310-2355" })).toHaveAttribute(
    "href",
    "tel:+18663102355",
  );
  await expect(ladder.getByRole("link", { name: "billing@bell.ca" })).toHaveAttribute(
    "href",
    "mailto:billing@bell.ca",
  );
  const form = ladder.getByRole("link", { name: /bell\.ca\/support\/contact/ });
  await expect(form).toHaveAttribute("target", "_blank");
  await expect(form).toHaveAttribute("rel", "noopener noreferrer");
  await expect(ladder.getByRole("link", { name: "support@bell.ca" })).toHaveCount(0);

  await page.getByRole("button", { name: "Actions for Phone 1-866-310-2355" }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Edit the channel" });
  // The extension belongs in the label, as the check says.
  await edit.getByLabel("Phone: address, number or place").fill("1 866 310 2000 ext. 5");
  await edit.getByRole("button", { name: "Save channel" }).click();
  await expect(fieldErrors(edit)).toContainText('keep "ext. 5" in the channel\'s label');
  await edit.getByLabel("Phone: address, number or place").fill("1 866 310 2000");
  await edit.getByLabel("Label (optional)").fill("Billing, ext. 5");
  await edit.getByLabel("Where did you find it?").selectOption("statement");
  await edit.getByRole("button", { name: "Save channel" }).click();
  await expect(edit).toBeHidden();
  const phone = ladder.getByRole("listitem").filter({ hasText: "1-866-310-2000" });
  await expect(phone).toContainText("Billing, ext. 5");
  await expect(phone).toContainText("Found on a statement");
  // A new number is not verified until the user checks it.
  await expect(phone.getByText("Not verified", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Actions for Email support@bell.ca" }).click();
  await page.getByRole("menuitem", { name: "Report as suspicious" }).click();
  const report = page.getByRole("dialog", { name: "Report as suspicious" });
  await report.getByRole("button", { name: "Report as suspicious" }).click();
  await expect(fieldErrors(report)).toHaveText("Say what made you doubt it.");
  await report
    .getByLabel("What made you doubt it?")
    .fill("An email from it asked me to confirm my password.");
  await report.getByRole("button", { name: "Report as suspicious" }).click();
  await expect(report).toBeHidden();
  const email = ladder.getByRole("listitem").filter({ hasText: "support@bell.ca" });
  await expect(email.getByText("Suspicious", { exact: true })).toBeVisible();
  // A suspicious channel is never something to click.
  await expect(email.getByRole("link")).toHaveCount(0);
  await expect(email.getByRole("alert")).toContainText(
    "You reported it: An email from it asked me to confirm my password.",
  );
});

test("a person deletes a company after a confirmation that says how many cases go", async ({
  page,
}) => {
  await signUpInBrowser(page, newPerson("Lena Park"));
  const airline = await must<{ id: string }>(page.request, "company.create", {
    name: "Maple Air",
    website: "mapleair.ca",
  });
  const bank = await must<{ id: string }>(page.request, "company.create", {
    name: "Northwind Bank",
    website: "northwind.com",
  });
  const refund = await must<{ id: string }>(page.request, "case.open", {
    companyId: airline.id,
    title: "Refund for flight MA 212",
  });
  await must(page.request, "case.open", { companyId: airline.id, title: "Lost suitcase" });
  await must(page.request, "case.open", { companyId: bank.id, title: "Card fee" });
  await must(page.request, "contact.log", {
    caseId: refund.id,
    channelKind: "phone",
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    notes: "Promised the refund within a week",
  });

  await page.goto(`/companies/${airline.id}`);
  await page.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete Maple Air?" });
  await expect(confirm).toContainText("This cannot be undone.");
  await expect(confirm).toContainText(
    "Its 2 cases (2 still open) are deleted with it: their 1 contact, questions too",
  );
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("heading", { name: "Maple Air" })).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  await confirm.getByRole("button", { name: "Delete Maple Air and 2 cases" }).click();
  await expect(page).toHaveURL(/\/companies$/);
  await expect(page.getByRole("region", { name: "Notifications" })).toContainText(
    "Maple Air deleted, with 2 cases.",
  );
  const companies = page.getByRole("list", { name: "Companies" });
  await expect(companies.getByRole("listitem")).toHaveCount(1);
  await expect(companies).toContainText("Northwind Bank");
  const list = await query<{ total: number }>(page.request, "dashboard.cases", {});
  expect(list.data?.total).toBe(1);
});

test("a person deletes a question, takes it back with Undo, then deletes it for good", async ({
  page,
}) => {
  refuseBrowserDialogs(page);
  await signUpInBrowser(page, newPerson("Theo Martin"));
  const company = await must<{ id: string }>(page.request, "company.create", {
    name: "Rogers",
    website: "rogers.com",
  });
  const opened = await must<{ id: string }>(page.request, "case.open", {
    companyId: company.id,
    title: "Internet outage",
  });
  for (const text of ["When is the technician coming?", "Will I get a credit?", "Is it fixed?"]) {
    await must(page.request, "question.add", { caseId: opened.id, text });
  }
  const questionsLeft = async () =>
    (
      await query<{ questions: { text: string }[] }>(page.request, "case.byId", {
        caseId: opened.id,
      })
    ).data?.questions.map((q) => q.text);

  await page.goto(`/cases/${opened.id}`);
  const need = page.getByRole("list", { name: "Need to know questions" });
  const toasts = page.getByRole("region", { name: "Notifications" });
  const deleteQuestion = async (text: string) => {
    await page.getByRole("button", { name: `Actions for question: ${text}` }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
  };

  // Gone from the list at once; Undo brings it back and nothing was deleted.
  await deleteQuestion("Will I get a credit?");
  await expect(need.getByRole("listitem")).toHaveCount(2);
  await expect(toasts).toContainText("Question deleted.");
  await toasts.getByRole("button", { name: "Undo" }).click();
  await expect(need.getByRole("listitem")).toHaveCount(3);
  await expect(need.getByRole("listitem").nth(1)).toContainText("2.Will I get a credit?");
  expect(await questionsLeft()).toHaveLength(3);

  // Left alone, the toast goes and the question is deleted for good.
  await deleteQuestion("Will I get a credit?");
  await expect(toasts.getByText("Question deleted.")).toBeHidden({ timeout: 15_000 });
  await expect.poll(questionsLeft).toEqual(["When is the technician coming?", "Is it fixed?"]);
  await page.reload();
  await expect(need.getByRole("listitem")).toHaveCount(2);

  // Leaving the page while the toast shows still deletes it, as the screen said.
  await deleteQuestion("Is it fixed?");
  await expect(toasts).toContainText("Question deleted.");
  await page.goto("/companies");
  await expect.poll(questionsLeft).toEqual(["When is the technician coming?"]);
});

test("a dashboard with more than 10 cases in an open group counts them and shows more on request", async ({
  page,
}) => {
  await signUpInBrowser(page, newPerson("Ines Duarte"));
  const company = await must<{ id: string }>(page.request, "company.create", {
    name: "Maple Air",
    website: "mapleair.ca",
  });
  for (let i = 1; i <= 23; i++) {
    await must(page.request, "case.open", { companyId: company.id, title: `Refund ${i}` });
  }
  await page.goto("/");
  const heading = page.getByRole("heading", { name: /Needs attention/ });
  await expect(heading).toContainText("23");
  const group = page.getByRole("list", { name: "Needs attention" });
  await expect(group.getByRole("listitem")).toHaveCount(10);
  await expect(page.getByText("Showing 10 of 23")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Waiting on company/ })).toContainText("0");

  await page.getByRole("button", { name: "Show 13 more in Needs attention" }).click();
  await expect(group.getByRole("listitem")).toHaveCount(23);
  await expect(page.getByText("Showing 10 of 23")).toBeHidden();
  await expect(page.getByRole("button", { name: /Show \d+ more/ })).toHaveCount(0);
  await expect(group.getByRole("listitem").last()).toContainText("Refund 23");
});
