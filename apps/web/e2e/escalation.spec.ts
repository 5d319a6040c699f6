import { expect, test } from "@playwright/test";

import { confirmEmailFromMailbox, mutate, newPerson, signUpByApi } from "./fixtures";

test("a company that went quiet for two business days: the case says where to go next and the email arrives", async ({
  page,
}) => {
  await signUpByApi(page.request, newPerson("Lea Roy"));
  // Escalation advice goes only to a confirmed address.
  await confirmEmailFromMailbox(page);
  await mutate(page.request, "settings.update", {
    timeZone: "America/Toronto",
    country: "CA",
    subdivision: "QC",
    quietHoursStart: "00:00",
    quietHoursEnd: "00:00",
    emailEscalations: true,
  });
  const company = await mutate<{ id: string }>(page.request, "company.create", {
    name: "Videotron",
    website: "videotron.com",
    country: "CA",
  });
  const companyId = company.data!.id;
  const email = await mutate<{ id: string }>(page.request, "channel.add", {
    companyId,
    kind: "email",
    value: "support@videotron.com",
    provenance: "statement",
    verified: true,
  });
  await mutate(page.request, "channel.add", {
    companyId,
    kind: "phone",
    value: "1 888 433 6876",
    provenance: "bill",
    verified: true,
  });
  const opened = await mutate<{ id: string }>(page.request, "case.open", {
    companyId,
    title: "Overbilled since the move",
  });
  const caseId = opened.data!.id;
  // Written ten days ago, never answered: the response window is long past.
  const logged = await mutate(page.request, "contact.log", {
    caseId,
    channelId: email.data!.id,
    channelKind: "email",
    startedAt: new Date(Date.now() - 10 * 86400_000).toISOString(),
  });
  expect(logged.status).toBe(200);

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
