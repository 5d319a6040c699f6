import { expect, test } from "@playwright/test";

import { fieldErrors, mutate, newPerson, signUpByApi } from "./fixtures";

test("a person prepares questions, reorders them by keyboard, runs a contact session and attaches the transcript", async ({
  page,
}) => {
  // The browser page and its request context share cookies: signed in for both.
  await signUpByApi(page.request, newPerson("Ana Ruiz"));
  const company = await mutate<{ id: string }>(page.request, "company.create", {
    name: "Rogers",
    website: "rogers.com",
    country: "CA",
  });
  const companyId = company.data!.id;
  await mutate(page.request, "channel.add", {
    companyId,
    kind: "phone",
    value: "1 888 764 3771",
    provenance: "bill",
    verified: true,
  });
  // Off the official domain, so suspicious, and first on the ladder (less direct than a phone).
  await mutate(page.request, "channel.add", {
    companyId,
    kind: "email",
    value: "support@rogers-help.com",
    provenance: "other",
  });
  const opened = await mutate<{ id: string }>(page.request, "case.open", {
    companyId,
    title: "Internet outage since Monday",
  });
  const caseId = opened.data!.id;

  await page.goto(`/cases/${caseId}`);
  const addForm = page.getByRole("form", { name: "Add a question" });
  for (const [text, tier] of [
    ["When will the technician come?", "need"],
    ["Will I get a credit for the days without service?", "need"],
    ["Can I get a faster plan for the same price?", "nice"],
  ] as const) {
    await addForm.getByLabel("New question").fill(text);
    await addForm.getByLabel("Priority").selectOption(tier);
    await addForm.getByRole("button", { name: "Add" }).click();
    await expect(page.getByText(text)).toBeVisible();
  }

  // Keyboard only: focus the handle of the second "need" question and move it up.
  const need = page.getByRole("list", { name: "Need to know questions" });
  await need
    .getByRole("button", { name: "Move Will I get a credit for the days without service?" })
    .focus();
  // The new order shows at once; reload only after the server has it.
  const saved = page.waitForResponse(
    (response) => response.url().includes("question.reorder") && response.ok(),
  );
  await page.keyboard.press("ArrowUp");
  await expect(page.getByText(/moved to position 1 of 2/)).toBeAttached();
  await expect(need.getByRole("listitem").first()).toContainText("Will I get a credit");
  await expect(
    need.getByRole("button", { name: "Move Will I get a credit for the days without service?" }),
  ).toBeFocused();
  await saved;
  await page.reload();
  await expect(need.getByRole("listitem").first()).toContainText("Will I get a credit");

  // One click from the case to the session.
  await page.getByRole("link", { name: "Start a contact session" }).click();
  const session = page.getByRole("form", { name: "Contact session" });
  await expect(page.getByRole("timer", { name: "Time in this contact" })).toBeVisible();
  // The session starts on the verified phone, never on the suspicious email above it.
  await expect(session.getByRole("radio", { name: /Phone 1-888-764-3771/ })).toBeChecked();
  await expect(session.getByRole("radio", { name: /support@rogers-help\.com/ })).not.toBeChecked();
  await session.getByRole("radio", { name: /Phone 1-888-764-3771/ }).check();
  await session.getByLabel("Name", { exact: true }).fill("Priya");
  await session.getByLabel("Employee or agent id").fill("RG-5521");
  await session.getByLabel("Reference or ticket number").fill("TCK-99812");

  // Nothing typed is lost on a reload.
  await page.waitForTimeout(400);
  await page.reload();
  await expect(session.getByLabel("Name", { exact: true })).toHaveValue("Priya");
  await expect(session.getByLabel("Reference or ticket number")).toHaveValue("TCK-99812");

  await session.getByLabel(/Will I get a credit/).check();
  await session
    .getByLabel("Answer to: Will I get a credit for the days without service?")
    .fill("Yes, 5 days of credit on the next bill.");
  await session.getByLabel("What did they promise?").fill("A technician visit");

  // A full card number is refused, with the offer to keep only the last digits.
  await session.getByLabel("Notes").fill("Paid with 4111 1111 1111 1111 last month.");
  await session.getByRole("radio", { name: "Waiting for the company" }).check();
  await page.keyboard.press("Control+Enter");
  await expect(
    fieldErrors(session).filter({ hasText: /looks like a full card number/ }),
  ).toBeVisible();
  await session.getByRole("button", { name: "Keep only the last digits" }).click();
  await expect(session.getByLabel("Notes")).toHaveValue(
    "Paid with •••• •••• •••• 1111 last month.",
  );

  await session.getByRole("button", { name: "Save contact" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}`));

  const timeline = page.getByRole("list", { name: "Contacts" });
  await expect(timeline.getByText("Priya (id RG-5521)")).toBeVisible();
  await expect(timeline.getByText("TCK-99812")).toBeVisible();
  await expect(timeline.getByText("A technician visit")).toBeVisible();
  await expect(timeline.getByRole("list", { name: "Answered in this contact" })).toContainText(
    "5 days of credit",
  );
  // The other "need" question is still open for the next contact.
  await expect(page.getByText("1 “need” question still open")).toBeVisible();

  // Attach the chat transcript to the contact.
  await timeline.getByLabel("Attach a transcript, recording or photo").setInputFiles({
    name: "chat-transcript.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Agent: Hello, this is Priya.\nMe: My internet is down since Monday.\n"),
  });
  await expect(timeline.getByRole("link", { name: /chat-transcript\.txt/ })).toBeVisible();

  // The draft is gone after saving.
  await page.goto(`/cases/${caseId}/session`);
  await expect(
    page.getByRole("form", { name: "Contact session" }).getByLabel("Name", { exact: true }),
  ).toHaveValue("");
});
