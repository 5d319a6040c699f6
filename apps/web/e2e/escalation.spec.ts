import { expect, test } from "@playwright/test";

import { logUnansweredEmail, seedQuietCompany } from "./escalation-steps";
import { confirmEmailFromMailbox, newPerson, signUpByApi } from "./fixtures";

test("a company that went quiet for two business days: the case says where to go next and the email arrives", async ({
  page,
}) => {
  await signUpByApi(page.request, newPerson("Lea Roy"));
  // Escalation advice goes only to a confirmed address.
  await confirmEmailFromMailbox(page);
  const quiet = await seedQuietCompany(page.request, {
    company: "Videotron",
    supportEmail: "support@videotron.com",
    caseTitle: "Overbilled since the move",
  });
  // Written ten days ago, never answered: the response window is long past.
  await logUnansweredEmail(page.request, quiet);
  const { caseId } = quiet;

  await expect(async () => {
    await page.goto(`/cases/${caseId}`);
    await expect(page.getByText("Videotron has gone quiet")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("alert").filter({ hasText: "gone quiet" })).toContainText(
    "1-888-433-6876",
  );

  const emails = page.getByRole("list", { name: "Emails about this case" });
  await expect(async () => {
    await page.reload();
    await expect(emails.getByText("Sent", { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  await page.goto("/dev/mailbox");
  await expect(page.getByText(/Videotron has not answered/)).toBeVisible();

  // The company answers: the case is back in the user's hands.
  await page.goto(`/cases/${caseId}`);
  await page.getByRole("button", { name: "They answered", exact: true }).click();
  await expect(page.getByText("Waiting on me").first()).toBeVisible();
});
