import { expect, test } from "@playwright/test";

import { fieldErrors, mutate, newPerson, query, signUpByApi } from "./fixtures";

test("a person checks a company's privacy, records what they gave and a red flag in a session, then reports the breach", async ({
  page,
}) => {
  await signUpByApi(page.request, newPerson("Lea Tremblay"));
  const company = await mutate<{ id: string }>(page.request, "company.create", {
    name: "Koodo",
    website: "koodomobile.com",
    country: "CA",
  });
  const companyId = company.data!.id;
  await mutate(page.request, "channel.add", {
    companyId,
    kind: "phone",
    value: "1 866 995 6636",
    provenance: "bill",
    verified: true,
  });
  const opened = await mutate<{ id: string }>(page.request, "case.open", {
    companyId,
    title: "Charged twice for October",
  });
  const caseId = opened.data!.id;

  // The checklist: three answers, the rating explains itself, and the review is recorded.
  await page.goto(`/companies/${companyId}/privacy`);
  await expect(page.getByText("Before your first contact with this company")).toBeVisible();
  const checklist = page.getByRole("form", { name: "Privacy checklist" });
  await checklist
    .getByRole("group", { name: /Does the company publish a privacy policy/ })
    .getByRole("radio", { name: "Yes", exact: true })
    .check();
  await checklist
    .getByRole("group", { name: /If it asks for your SIN or SSN, does it give a legal reason/ })
    .getByRole("radio", { name: "No", exact: true })
    .check();
  await checklist
    .locator("#privacy-national_id_justified-note")
    .fill("Asked for it on a plan change");
  await checklist
    .getByRole("group", { name: /Can you prove who you are without sending a copy/ })
    .getByRole("radio", { name: "Not sure" })
    .check();
  await expect(checklist.getByRole("list", { name: "Why" })).toContainText(
    "It asks for your SIN or SSN without a legal reason.",
  );
  await checklist.getByRole("button", { name: "Save checklist" }).click();
  await expect(page.getByText("Saved and marked reviewed.")).toBeVisible();
  await expect(page.getByText("Before your first contact with this company")).toBeHidden();

  // Willing to give: name and phone only.
  const willing = page.getByRole("form", { name: "What I am willing to give" });
  await willing.getByLabel("Full name").check();
  await willing.getByLabel("Phone number").check();
  await willing.getByRole("button", { name: "Save my choice" }).click();
  await expect(willing.getByText("Saved.")).toBeVisible();

  // The session: readiness, then a SIN asked for, then a caller pushing for a one-time code.
  await page.goto(`/cases/${caseId}/session`);
  const session = page.getByRole("form", { name: "Contact session" });
  const readiness = page.getByRole("group", { name: "Readiness check" });
  await expect(readiness).toContainText(/checks done/);
  await expect(
    readiness.getByRole("link", { name: /List what you need answered/ }),
  ).toHaveAttribute("href", `/cases/${caseId}#questions`);
  await session.getByRole("radio", { name: /Phone 1-866-995-6636/ }).check();
  await session.getByLabel("Name", { exact: true }).fill("Marc");

  const given = session.getByRole("group", { name: "Personal data given" });
  await given.getByLabel("What did you give?").selectOption("national_id");
  // Before giving it: the checklist's answer for this company and Canada's advice.
  await expect(given.getByText("Before you give it: your social insurance number")).toBeVisible();
  await expect(given.getByText(/Asked for it on a plan change/)).toBeVisible();
  await expect(given.getByText("You decided not to give this")).toBeVisible();
  await given.getByLabel("The reason they gave").fill("Credit check for the new plan");
  // A full SIN in the detail is refused with the offer to keep the last digits.
  await given.getByLabel("What exactly (optional)").fill("046 454 286");
  await given.getByRole("button", { name: "Add to the ledger" }).click();
  await expect(fieldErrors(given)).toContainText(/Caseward never stores full national id numbers/);
  await given.getByRole("button", { name: "Keep only the last digits" }).click();
  await given.getByRole("button", { name: "Add to the ledger" }).click();
  await expect(given.getByRole("listitem")).toContainText("National id (SIN / SSN)");

  await session
    .getByLabel("Notes")
    .fill("He said to read him the code we texted you, right now or the account closes today.");
  const flags = session.getByRole("group", { name: "Red flags" });
  await expect(
    flags.getByRole("alert").filter({ hasText: "Asked for a one-time code" }),
  ).toBeVisible();
  await flags.getByLabel("Asked to connect to your computer or phone").check();
  await expect(
    flags.getByRole("alert").filter({ hasText: "Asked to connect to your computer or phone" }),
  ).toContainText("Do not install the app");
  await session.getByRole("radio", { name: "Waiting for the company" }).check();
  await session.getByRole("button", { name: "Save contact" }).click();

  // The case is flagged, the timeline shows the flags and what was given.
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}#contact-`));
  await expect(
    page.getByRole("alert").filter({ hasText: "Warning signs in this case" }),
  ).toBeVisible();
  const timeline = page.getByRole("list", { name: "Contacts" });
  await expect(timeline.getByRole("list", { name: "Red flags" })).toContainText(
    "Asked for a one-time code",
  );
  await expect(timeline.getByRole("list", { name: "Red flags" })).toContainText("you marked it");
  await expect(timeline.getByLabel("Personal data given")).toContainText("National id (SIN / SSN)");

  // Nothing full was stored; the advice email is owed.
  const found = await query<{
    contacts: { disclosures: { detail: string | null }[] }[];
    notifications: { kind: string }[];
  }>(page.request, "case.byId", { caseId });
  expect(found.data!.contacts[0]!.disclosures[0]!.detail).toMatch(/286$/);
  expect(found.data!.contacts[0]!.disclosures[0]!.detail).not.toContain("046 454");
  expect(found.data!.notifications.map((n) => n.kind)).toContain("red_flag");

  // Who has my SIN.
  await page.getByRole("link", { name: "Who has my data" }).click();
  await page.getByRole("link", { name: "National id (SIN / SSN)" }).click();
  await expect(page.getByRole("table")).toContainText("Credit check for the new plan");
  await expect(page.getByRole("table")).toContainText("Koodo");

  // The breach: report it, see what Koodo held and what to do in Canada, tick one off.
  await page.goto(`/companies/${companyId}/privacy`);
  const breach = page.getByRole("form", { name: "Report a breach" });
  await breach.getByLabel("Date of the breach").fill("2026-11-02");
  await breach.getByLabel("Where you learned of it").fill("Email notice from Koodo");
  await breach.getByRole("button", { name: "Mark as breached" }).click();
  await expect(page.getByRole("heading", { name: "Breach at Koodo" })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("National id (SIN / SSN)");
  await expect(page.getByText(/Equifax Canada/).first()).toBeVisible();
  const change = page.getByLabel(/Change your password for this company/);
  // The tick shows at once; it is kept once the server has answered.
  const saved = page.waitForResponse(
    (response) => response.url().includes("privacy.setBreachAction") && response.ok(),
  );
  await change.check();
  await expect(page.getByText(/1 of \d+ done/)).toBeVisible();
  await saved;
  await page.reload();
  await expect(page.getByLabel(/Change your password for this company/)).toBeChecked();
  // Printable: the print button and the navigation are hidden on paper.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
});
