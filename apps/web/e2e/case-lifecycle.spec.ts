import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { fieldErrors, mutate, newPerson, query, signUpByApi } from "./fixtures";

// The browser keeps the user's own clock, so the times typed here mean the same to both.
const timeZone = "America/Toronto";
test.use({ timezoneId: timeZone });

/** A signed-in person with a company and a case whose email went out an hour ago. */
async function caseWaitingOnCompany(request: APIRequestContext, name: string) {
  await signUpByApi(request, newPerson(name));
  await mutate(request, "settings.update", { timeZone, country: "CA", subdivision: "ON" });
  const company = await mutate<{ id: string }>(request, "company.create", {
    name: "Fido",
    website: "fido.ca",
    country: "CA",
  });
  const opened = await mutate<{ id: string }>(request, "case.open", {
    companyId: company.data!.id,
    title: "Roaming charges in September",
  });
  const caseId = opened.data!.id;
  const logged = await mutate<{ id: string }>(request, "contact.log", {
    caseId,
    channelKind: "email",
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    referenceNumber: "FD-20417",
  });
  expect(logged.status).toBe(200);
  return { caseId, contactId: logged.data!.id };
}

/** What a datetime-local field shows for `date` on the user's clock. */
function localInput(date: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

test("a person resolves a case, reopens it, edits it and deletes it", async ({ page }) => {
  const { caseId } = await caseWaitingOnCompany(page.request, "Noor Haddad");
  await page.goto(`/cases/${caseId}`);
  const status = page.getByRole("region", { name: "Where the case stands" });
  await expect(status).toContainText("Waiting for Fido to answer");
  await expect(page.getByRole("region", { name: "Deadlines" }).getByRole("listitem")).toHaveCount(
    1,
  );

  // Resolve: the outcome is required, said beside its field.
  await status.getByRole("button", { name: "Resolve" }).click();
  const resolve = page.getByRole("dialog", { name: "Resolve the case" });
  await resolve.getByRole("button", { name: "Resolve case" }).click();
  await expect(fieldErrors(resolve)).toHaveText("Say in one line how it ended.");
  await expect(resolve.getByLabel("How did it end?")).toBeFocused();
  await resolve.getByLabel("How did it end?").fill("Roaming fees reversed, $86.40 credited");
  await resolve.getByRole("radio", { name: /^4/ }).check();
  await resolve.getByRole("button", { name: "Resolve case" }).click();
  await expect(resolve).toBeHidden();
  await expect(status).toContainText("Resolved on");
  await expect(status).toContainText("“Roaming fees reversed, $86.40 credited”");
  await expect(status).toContainText("Satisfied: mostly (4 of 5)");
  // Its deadline is cancelled with it.
  await expect(page.getByRole("region", { name: "Deadlines" }).getByRole("listitem")).toHaveCount(
    0,
  );

  await page.goto("/");
  await expect(page.getByRole("list", { name: "Resolved", exact: true })).toContainText(
    "Roaming charges in September",
  );
  await expect(page.getByRole("list", { name: "Open cases" })).not.toContainText(
    "Roaming charges in September",
  );

  // Reopen: back where its last contact left it, with no deadline until a contact asks.
  await page.goto(`/cases/${caseId}`);
  await status.getByRole("button", { name: "Reopen" }).click();
  const reopen = page.getByRole("dialog", { name: "Reopen the case" });
  await expect(reopen).toContainText("Waiting on company");
  await reopen.getByRole("button", { name: "Reopen case" }).click();
  await expect(status).toContainText("Waiting for Fido to answer");
  await expect(page.getByRole("region", { name: "Deadlines" }).getByRole("listitem")).toHaveCount(
    0,
  );

  // Edit: a title too short is refused beside the field; then the new one shows.
  await page.getByRole("button", { name: "More about this case" }).click();
  await page.getByRole("menuitem", { name: "Edit the case" }).click();
  const edit = page.getByRole("dialog", { name: "Edit the case" });
  await edit.getByLabel("What is the problem?").fill("No");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(fieldErrors(edit)).toHaveText("Say in a few words what the problem is.");
  await edit.getByLabel("What is the problem?").fill("Roaming charges in September and October");
  await edit.getByLabel("Priority").selectOption("high");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(
    page.getByRole("heading", { name: "Roaming charges in September and October" }),
  ).toBeVisible();
  await expect(page.getByText("High priority")).toBeVisible();

  // Delete, after a confirmation that says what goes with it.
  await page.getByRole("button", { name: "More about this case" }).click();
  await page.getByRole("menuitem", { name: "Delete the case" }).click();
  const remove = page.getByRole("dialog", { name: "Delete the case?" });
  await expect(remove).toContainText("1 contact");
  await remove.getByRole("button", { name: "Delete case" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("Roaming charges in September")).toHaveCount(0);
  const gone = await query(page.request, "case.byId", { caseId });
  expect(gone.error?.data.code).toBe("NOT_FOUND");
});

test("editing a contact's time moves the deadline shown on the case page", async ({ page }) => {
  const { caseId } = await caseWaitingOnCompany(page.request, "Ines Duarte");
  // Thirty business days: both times below leave the deadline in the future.
  await mutate(page.request, "case.setResponseWindow", { caseId, responseWindowDays: 30 });
  const dueOf = async () => {
    const found = await query<{ deadlines: { dueAt: string }[] }>(page.request, "case.byId", {
      caseId,
    });
    return new Date(found.data!.deadlines[0]!.dueAt);
  };
  const day = (date: Date) =>
    new Intl.DateTimeFormat("en", { timeZone, month: "short", day: "numeric" }).format(date);
  const before = await dueOf();
  await page.goto(`/cases/${caseId}`);
  const deadline = page.getByRole("region", { name: "Deadlines" }).getByRole("listitem");
  await expect(deadline).toContainText(day(before));

  await page.getByRole("button", { name: /Edit the contact of/ }).click();
  const form = page.getByRole("dialog", { name: "Edit the contact" });
  await expect(form.getByLabel("Reference or ticket number")).toHaveValue("FD-20417");
  const earlier = new Date(Date.now() - 9 * 86400_000);
  await form.getByLabel("When", { exact: true }).fill(localInput(earlier));
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form).toBeHidden();

  const after = await dueOf();
  expect(after.getTime()).toBeLessThan(before.getTime());
  await expect(deadline).toContainText(day(after));
  await expect(deadline).not.toContainText(day(before));
  // The reference number and the rest of the contact were kept.
  await expect(page.getByRole("list", { name: "Contacts" })).toContainText("FD-20417");
});

test("a backdated contact does not change the status; a newer one does", async ({ page }) => {
  const { caseId } = await caseWaitingOnCompany(page.request, "Theo Blanc");
  await page.goto(`/cases/${caseId}`);
  const status = page.getByRole("region", { name: "Where the case stands" });
  await expect(status).toContainText("Waiting for Fido to answer");

  // Their call of three days ago, entered now: older than the email, so it changes nothing.
  const logPast = async (direction: "inbound", at: Date) => {
    await status.getByRole("button", { name: "Log a contact" }).click();
    const form = page.getByRole("form", { name: "Log a contact" });
    await form.getByLabel("Channel").selectOption({ label: "Phone" });
    await form.getByLabel("Direction").selectOption(direction);
    await form.getByLabel("When", { exact: true }).fill(localInput(at));
    await form.getByRole("button", { name: "Save contact" }).click();
    await expect(page.getByRole("dialog", { name: "Log a past contact" })).toBeHidden();
  };
  await logPast("inbound", new Date(Date.now() - 3 * 86400_000));
  await expect(page.getByRole("list", { name: "Contacts" }).locator(":scope > li")).toHaveCount(2);
  await expect(status).toContainText("Waiting for Fido to answer");
  await expect(page.getByRole("region", { name: "Deadlines" }).getByRole("listitem")).toHaveCount(
    1,
  );

  // Their call of a minute ago is the latest: the ball is the user's, the window satisfied.
  await logPast("inbound", new Date(Date.now() - 60_000));
  await expect(status).toContainText("Fido answered: the next move is yours");
  await expect(page.getByRole("region", { name: "Deadlines" }).getByRole("listitem")).toHaveCount(
    0,
  );
});
